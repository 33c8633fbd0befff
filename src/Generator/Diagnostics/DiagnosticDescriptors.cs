using Microsoft.CodeAnalysis;

namespace RopeGen.Generator.Diagnostics
{
    /// <summary>The one catalog of RopeGen's diagnostics.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "RopeGen";

        /// <summary>Where the project lives; each ID has a page under docs/diagnostics.</summary>
        internal const string RepositoryUrl = "https://github.com/ropegen/ropegen";

        internal static string HelpLink(string id) => $"{RepositoryUrl}/blob/main/docs/diagnostics/{id}.md";

        public static readonly DiagnosticDescriptor NotPartial = Create(DiagnosticIds.NotPartial,
            "[Rotary] class must be partial",
            "'{0}' has [{2}] but {1} is not partial; RopeGen adds the kernels to it, so it and every containing type must be declared 'partial'",
            DiagnosticSeverity.Error,
            "RopeGen generates ApplyRotary, ShiftRotary and RopeGenRotary into the annotated class, which needs the class and all its containing types to be partial.");

        public static readonly DiagnosticDescriptor HeadDim = Create(DiagnosticIds.HeadDim,
            "Invalid head dim", "{0}", DiagnosticSeverity.Error,
            "RoPE rotates pairs of dimensions, so the head dim must be a positive even number.");

        public static readonly DiagnosticDescriptor RotaryDim = Create(DiagnosticIds.RotaryDim,
            "Invalid rotary dim", "{0}", DiagnosticSeverity.Error,
            "The rotary dim is the number of leading dimensions rotated (0 = the whole head): even, and at most the head dim.");

        public static readonly DiagnosticDescriptor Base = Create(DiagnosticIds.Base,
            "Invalid RoPE base", "{0}", DiagnosticSeverity.Error,
            "The frequency base (rope_theta) must be finite and greater than 1.");

        public static readonly DiagnosticDescriptor Scaling = Create(DiagnosticIds.Scaling,
            "Invalid scaling settings", "{0}", DiagnosticSeverity.Error,
            "Each scaling kind requires its own settings (factor, original context length, per-pair factors, frequency bounds) in their valid ranges.");

        public static readonly DiagnosticDescriptor HeadDimMismatch = Create(DiagnosticIds.HeadDimMismatch,
            "Head dim disagrees with the class's constants",
            "[Rotary] head dim is {0}, but {1} is {2}; the kernels would rotate the wrong number of dimensions",
            DiagnosticSeverity.Warning,
            "The head dim given to [Rotary] should equal the class's own HeadDim or HeadSize constant, or HiddenSize / NumHeads.");

        public static readonly DiagnosticDescriptor BufferLength = Create(DiagnosticIds.BufferLength,
            "Buffer length cannot match the layout",
            "'{0}' has {1} elements, which cannot be {2}; expected {3}",
            DiagnosticSeverity.Warning,
            "Generated kernels take buffers laid out [tokens, heads, headDim]; a buffer of constant length must be a whole number of heads.");

        public static readonly DiagnosticDescriptor NoEffect = Create(DiagnosticIds.NoEffect,
            "Setting has no effect", "{0}", DiagnosticSeverity.Warning,
            "A setting that the chosen scaling kind ignores usually means the wrong kind was chosen.");

        public static readonly DiagnosticDescriptor Generic = Create(DiagnosticIds.Generic,
            "[Rotary] class cannot be generic",
            "'{0}' has [{2}] but {1} is generic; RopeGen generates static kernels with per-class tables, so the class and its containing types must not be generic",
            DiagnosticSeverity.Error,
            "Generated kernels and tables are static members; a generic class would get one copy per instantiation.");

        public static readonly DiagnosticDescriptor Layout = Create(DiagnosticIds.Layout,
            "Invalid layout", "{0}", DiagnosticSeverity.Error,
            "The layout must be RotaryLayout.HalfSplit (HF checkpoints) or RotaryLayout.Interleaved (GPT-J, Meta checkpoints).");

        public static readonly DiagnosticDescriptor HeadDimTooLarge = Create(DiagnosticIds.HeadDimTooLarge,
            "Head dim too large for generated kernels",
            "HeadDim is {0}; RopeGen generates unrolled kernels for head dims up to {1}; for a larger head, use the runtime's RotaryKernel",
            DiagnosticSeverity.Error,
            "Generated kernels are unrolled per head dimension, so their source grows with the head dim; published models use 64 to 256.");

        public static readonly DiagnosticDescriptor FileLocal = Create(DiagnosticIds.FileLocal,
            "[Rotary] class cannot be file-local",
            "'{0}' has [{2}] but {1} is file-local ('file'); RopeGen adds the kernels in a generated file of its own, which cannot extend a file-local type, so declare it without 'file' (internal, for instance)",
            DiagnosticSeverity.Error,
            "A file-local type can only be extended by partial declarations in the same file; the generated kernels live in another file.");

        public static readonly DiagnosticDescriptor MemberClash = Create(DiagnosticIds.MemberClash,
            "Member named like a generated one",
            "'{0}' {1}; rename it",
            DiagnosticSeverity.Error,
            "RopeGen generates the ApplyRotary overloads, ShiftRotary, RotateInto and the nested class RopeGenRotary into the [Rotary] class (with M-RoPE sections also ApplyMultimodalRotary and RotateMultimodalInto, with ILGPU also CreateGpuRotary and RopeGenGpuRotary): a member of the same name and signature, a non-method member of a generated method's name, or the class's own name would clash with them.");

        public static readonly DiagnosticDescriptor ConfigNotFound = Create(DiagnosticIds.ConfigNotFound,
            "Config file not found among the AdditionalFiles", "{0}", DiagnosticSeverity.Error,
            "[RotaryFromConfig] reads its file from the project's AdditionalFiles, matched by the path relative to the project or by a unique path suffix.");

        public static readonly DiagnosticDescriptor ConfigMalformed = Create(DiagnosticIds.ConfigMalformed,
            "Config file is not valid JSON", "'{0}' is not valid JSON: line {1}, column {2}: {3}", DiagnosticSeverity.Error,
            "A config.json must be strict JSON (RFC 8259), as transformers writes it: no comments, no trailing commas.");

        public static readonly DiagnosticDescriptor ConfigUnsupported = Create(DiagnosticIds.ConfigUnsupported,
            "Config asks for RoPE that RopeGen does not support", "'{0}': {1}", DiagnosticSeverity.Error,
            "RopeGen reads the rope types default, linear, dynamic, yarn, longrope (su) and llama3, with M-RoPE sections; other types, one RoPE per layer type, ALiBi and learned positions it does not generate.");

        public static readonly DiagnosticDescriptor ConfigSetting = Create(DiagnosticIds.ConfigSetting,
            "Config setting missing or invalid", "'{0}': {1}", DiagnosticSeverity.Error,
            "Each setting read from config.json must have its JSON type and pass the rules a [Rotary] line does (ROPE002-ROPE005).");

        public static readonly DiagnosticDescriptor ConfigBesideRotary = Create(DiagnosticIds.ConfigBesideRotary,
            "[RotaryFromConfig] beside [Rotary]",
            "'{0}' has both [Rotary] and [RotaryFromConfig]; RopeGen generates the [Rotary] declaration: remove one of the two",
            DiagnosticSeverity.Error,
            "A class has one RoPE: declare it either with [Rotary] or with [RotaryFromConfig].");

        public static readonly DiagnosticDescriptor Multimodal = Create(DiagnosticIds.Multimodal,
            "Invalid M-RoPE sections", "{0}", DiagnosticSeverity.Error,
            "M-RoPE (Qwen2-VL) gives each rotation pair to one position axis: MRopeSections holds three positive pair counts (temporal, height, width) summing to RotaryDim / 2, with a static scaling kind.");

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description) =>
            new(id, title, message, Category, severity, isEnabledByDefault: true, description, HelpLink(id));
    }
}
