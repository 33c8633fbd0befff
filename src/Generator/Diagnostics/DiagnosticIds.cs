namespace RopeGen.Generator.Diagnostics
{
    /// <summary>Stable diagnostic IDs, shared by the analyzers and the code fixes. Never reuse a retired ID.</summary>
    public static class DiagnosticIds
    {
        /// <summary>The [Rotary] class (or a containing type) is not partial.</summary>
        public const string NotPartial = "ROPE001";

        /// <summary>The head dim is not positive and even.</summary>
        public const string HeadDim = "ROPE002";

        /// <summary>The rotary dim is odd, negative or larger than the head dim.</summary>
        public const string RotaryDim = "ROPE003";

        /// <summary>The base is not finite or not above 1.</summary>
        public const string Base = "ROPE004";

        /// <summary>A scaling setting is missing or invalid for the chosen kind.</summary>
        public const string Scaling = "ROPE005";

        /// <summary>The head dim disagrees with the class's own size constants.</summary>
        public const string HeadDimMismatch = "ROPE006";

        /// <summary>A kernel call's constant buffer length cannot match tokens × heads × head dim.</summary>
        public const string BufferLength = "ROPE007";

        /// <summary>A setting has no effect with the chosen scaling kind.</summary>
        public const string NoEffect = "ROPE008";

        /// <summary>The [Rotary] class is generic or nested in a generic type.</summary>
        public const string Generic = "ROPE009";

        /// <summary>The layout is not a defined RotaryLayout value.</summary>
        public const string Layout = "ROPE010";

        /// <summary>The head dim is valid but larger than the generator unrolls kernels for.</summary>
        public const string HeadDimTooLarge = "ROPE011";

        /// <summary>The [Rotary] class or a containing type is file-local.</summary>
        public const string FileLocal = "ROPE012";

        /// <summary>A member of the [Rotary] class, or the class itself, has the name of a generated member.</summary>
        public const string MemberClash = "ROPE013";

        /// <summary>The M-RoPE sections are invalid or combined with a scaling kind they do not support.</summary>
        public const string Multimodal = "ROPE020";
    }
}
