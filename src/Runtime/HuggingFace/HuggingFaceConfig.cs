using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace RopeGen
{
    /// <summary>
    /// The one mapping from a Hugging Face <c>config.json</c> to a <see cref="RotaryConfig"/>, with transformers'
    /// semantics (v4 <c>rope_scaling</c> and v5 <c>rope_parameters</c>). The runtime's
    /// <c>RotaryConfig.FromHuggingFace</c> and the generator's <c>[RotaryFromConfig]</c> both call it, so the two
    /// cannot drift. Faults name the JSON key; the result is checked by <see cref="RotaryValidation"/> like any
    /// other configuration.
    /// </summary>
    /// <remarks>This file is compiled into the source generator too (linked source).</remarks>
    internal static class HuggingFaceConfig
    {
        /// <summary>The rope types RopeGen reads, by their config.json names (<c>su</c> is LongRoPE's first name).</summary>
        private static readonly Dictionary<string, RopeScaling> Kinds = new(StringComparer.Ordinal)
        {
            ["default"] = RopeScaling.None,
            ["linear"] = RopeScaling.Linear,
            ["dynamic"] = RopeScaling.DynamicNtk,
            ["yarn"] = RopeScaling.Yarn,
            ["longrope"] = RopeScaling.LongRope,
            ["su"] = RopeScaling.LongRope,
            ["llama3"] = RopeScaling.Llama3,
            ["mrope"] = RopeScaling.None, // Qwen2-VL's first configs; transformers reads it as default with mrope_section
        };

        /// <summary>
        /// Architectures whose Hugging Face checkpoints rotate interleaved pairs (x[2j], x[2j+1]): GPT-J's and CodeGen's
        /// <c>rotate_every_two</c>, Cohere's interleaved <c>rotate_half</c>, DeepSeek-V2/V3's rope slice (V3 unless
        /// <c>rope_interleave</c> is false), GLM and GLM-4's <c>rotate_half_llm</c>. GLM-4-MoE uses GPT-NeoX's half-split.
        /// </summary>
        private static readonly HashSet<string> InterleavedModelTypes = new(StringComparer.Ordinal)
        {
            "gptj", "codegen", "cohere", "cohere2", "deepseek_v2", "deepseek_v3", "kimi_k2", "glm", "glm4", "chatglm",
        };

        /// <summary>Architectures with learned or ALiBi positions, whose configs would otherwise read as plain RoPE.</summary>
        private static readonly HashSet<string> NonRotaryModelTypes = new(StringComparer.Ordinal)
        {
            "gpt2", "gpt_bigcode", "bloom", "mpt", "opt", "bert", "roberta", "t5", "bart",
        };

        /// <summary>Reads <paramref name="root"/>, a parsed config.json; <paramref name="layout"/> overrides the layout
        /// inferred from <c>model_type</c>.</summary>
        public static ConfigImport Import(ConfigNode root, RotaryLayout? layout = null) => new Mapping(root).Run(layout);

        private sealed class Mapping
        {
            private readonly List<ConfigFault> _faults = new();
            private readonly ConfigReader _read;
            /// <summary>Where each setting came from (or would come from), to name the key in validation faults.</summary>
            private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
            private readonly ConfigNode _root;
            private ConfigNode _model;
            private string _prefix = "";
            private ConfigNode? _rope;
            private string _ropeKey = "rope_scaling";

            public Mapping(ConfigNode root)
            {
                _read = new ConfigReader(_faults);
                _root = _model = root;
            }

            public ConfigImport Run(RotaryLayout? layout)
            {
                if (!FindSections()) return Result(null);
                string modelType = _read.String(_model, "model_type", Path("model_type")) ?? "";
                RopeScaling? kind = RotaryKind(modelType);
                if (kind is not RopeScaling scaling || _faults.Count > 0) return Result(null);

                int headDim = HeadDim();
                RotaryConfig rotary = Read(headDim, RotaryDim(headDim), Base(), scaling, Layout(modelType, layout));
                if (_faults.Count > 0) return Result(null);

                foreach (RotaryProblem problem in RotaryValidation.Validate(rotary).Where(p => p.IsError))
                {
                    // The message names the RopeGen setting; the JSON key it came from goes first when it is another name.
                    string key = _keys.TryGetValue(problem.Setting, out string? k) ? k : problem.Setting;
                    _faults.Add(new ConfigFault(ConfigFaultKind.Setting, key, problem.Setting, key == problem.Setting ? problem.Message : key + ": " + problem.Message));
                }
                return Result(_faults.Count == 0 ? rotary : null);
            }

            private ConfigImport Result(RotaryConfig? config) => new(config, _faults.ToArray());

            private string Path(string key) => _prefix + key;

            private string RopePath(string key) => _prefix + _ropeKey + "." + key;

            /// <summary>The model's own settings (a multimodal config's <c>text_config</c>) and the scaling dictionary.</summary>
            private bool FindSections()
            {
                if (_root.Kind != ConfigNodeKind.Object)
                {
                    _read.Fault("(top level)", $"(top level): the file holds {_root.Describe()}; expected a JSON object of settings.");
                    return false;
                }
                if (_read.Object(_root, "text_config", "text_config") is { } text)
                {
                    _model = text;
                    _prefix = "text_config.";
                }

                // transformers v5: a rope_scaling given beside rope_parameters is read first.
                ConfigNode? scaling = _read.Object(_model, "rope_scaling", Path("rope_scaling"));
                ConfigNode? parameters = _read.Object(_model, "rope_parameters", Path("rope_parameters"));
                if (scaling is { Properties.Count: > 0 }) _rope = scaling;
                else if (parameters is not null) (_rope, _ropeKey) = (parameters, "rope_parameters");
                return _faults.Count == 0;
            }

            /// <summary>The scaling kind, or null with an Unsupported fault (ALiBi, per-layer-type RoPE, unknown types).</summary>
            private RopeScaling? RotaryKind(string modelType)
            {
                if (NonRotaryModelTypes.Contains(modelType))
                    return Unsupported(Path("model_type"), $"{Path("model_type")} is \"{modelType}\", a model with learned or ALiBi positions rather than rotary embeddings.");
                if (_read.Boolean(_model, "alibi", Path("alibi")) == true)
                    return Unsupported(Path("alibi"), $"{Path("alibi")} is true: this model uses ALiBi attention biases, not rotary embeddings.");
                if (_rope is not null && PerLayerType())
                    return Unsupported(Path(_ropeKey), $"{Path(_ropeKey)} holds one RoPE per layer type ({string.Join(", ", _rope.Properties.Select(p => p.Key))}); a RopeGen class has one RoPE: import each layer type's settings separately.");

                string typeKey = ConfigReader.Get(_rope, "rope_type") is not null ? "rope_type" : "type";
                string name = _read.String(_rope, typeKey, RopePath(typeKey)) ?? "default";
                if (Kinds.TryGetValue(name, out RopeScaling kind)) return kind;
                return Unsupported(RopePath(typeKey),
                    $"{RopePath(typeKey)} is \"{name}\", a rope type RopeGen does not support; expected one of {string.Join(", ", Kinds.Keys)}.");
            }

            private RopeScaling? Unsupported(string key, string message)
            {
                _faults.Add(new ConfigFault(ConfigFaultKind.Unsupported, key, "Scaling", message));
                return null;
            }

            /// <summary>v5 configs of models with several attention types key the parameters by <c>layer_types</c> entries.</summary>
            private bool PerLayerType()
            {
                if (ConfigReader.Get(_model, "layer_types") is not { Kind: ConfigNodeKind.Array } types || _rope!.Properties.Count == 0) return false;
                var names = new HashSet<string>(types.Items.Where(t => t.Kind == ConfigNodeKind.String).Select(t => t.Text), StringComparer.Ordinal);
                return _rope.Properties.All(p => names.Contains(p.Key));
            }

            /// <summary>
            /// <c>qk_rope_head_dim</c> (DeepSeek MLA's rope slice), else <c>head_dim</c>, else
            /// <c>hidden_size // num_attention_heads</c> (GPT-2 style <c>n_embd // n_head</c>), floored as transformers does.
            /// </summary>
            private int HeadDim()
            {
                foreach (string key in new[] { "qk_rope_head_dim", "head_dim" })
                {
                    if (_read.Integer(_model, key, Path(key)) is not int dim) continue;
                    _keys["HeadDim"] = Path(key);
                    return dim;
                }

                string hiddenKey = ConfigReader.Get(_model, "hidden_size") is null && ConfigReader.Get(_model, "n_embd") is not null ? "n_embd" : "hidden_size";
                string headsKey = ConfigReader.Get(_model, "num_attention_heads") is null && ConfigReader.Get(_model, "n_head") is not null ? "n_head" : "num_attention_heads";
                int? hidden = _read.Integer(_model, hiddenKey, Path(hiddenKey));
                int? heads = _read.Integer(_model, headsKey, Path(headsKey));
                string derived = $"{Path(hiddenKey)} / {Path(headsKey)}";
                _keys["HeadDim"] = derived;
                if (hidden is int h && heads is int n)
                {
                    if (n > 0) return (int)Math.Floor((double)h / n);
                    _read.Fault(Path(headsKey), $"{Path(headsKey)} is {n.ToString(CultureInfo.InvariantCulture)}; expected a positive number of attention heads.", "HeadDim");
                }
                else if (_faults.Count == 0)
                {
                    _read.Fault(Path("head_dim"), $"{Path("head_dim")} is missing, and so is {(hidden is null ? Path(hiddenKey) : Path(headsKey))} to derive it as {derived}; expected head_dim, or hidden_size and num_attention_heads.", "HeadDim");
                }
                return 0;
            }

            /// <summary><c>int(head_dim · partial_rotary_factor)</c> (GPT-NeoX <c>rotary_pct</c>), else <c>rotary_dim</c>; 0 for the whole head.</summary>
            private int RotaryDim(int headDim)
            {
                if (_keys["HeadDim"] == Path("qk_rope_head_dim")) return 0; // MLA: the rope slice is rotated whole
                foreach ((ConfigNode? obj, string key, string path) in new[]
                         {
                             (_model, "partial_rotary_factor", Path("partial_rotary_factor")),
                             (_rope, "partial_rotary_factor", RopePath("partial_rotary_factor")),
                             (_model, "rotary_pct", Path("rotary_pct")),
                         })
                {
                    if (_read.Number(obj, key, path) is not double fraction) continue;
                    _keys["RotaryDim"] = path;
                    if (!(fraction > 0.0 && fraction <= 1.0))
                    {
                        _read.Fault(path, $"{path} is {Format(fraction)}; expected the fraction of each head that is rotated, above 0 and at most 1.", "RotaryDim");
                        return 0;
                    }
                    int dim = (int)(headDim * fraction); // Python's int(): toward zero
                    if (dim == 0 && headDim > 0)
                        _read.Fault(path, $"{path} is {Format(fraction)}, which rotates int({headDim.ToString(CultureInfo.InvariantCulture)} · {Format(fraction)}) = 0 dimensions; expected a fraction that rotates at least 2.", "RotaryDim");
                    return dim == headDim ? 0 : dim;
                }

                _keys["RotaryDim"] = Path("rotary_dim");
                if (_read.Integer(_model, "rotary_dim", Path("rotary_dim")) is not int rotary) return 0;
                if (rotary == 0)
                    _read.Fault(Path("rotary_dim"), $"{Path("rotary_dim")} is 0; expected the number of rotated dimensions, an even number from 2 to the head dim ({headDim.ToString(CultureInfo.InvariantCulture)}).", "RotaryDim");
                return rotary == headDim ? 0 : rotary;
            }

            /// <summary><c>rope_parameters.rope_theta</c> (v5), else <c>rope_theta</c>, else GPT-NeoX's <c>rotary_emb_base</c>, else 10000.</summary>
            private double Base()
            {
                foreach ((ConfigNode? obj, string key, string path) in new[]
                         {
                             (_rope, "rope_theta", RopePath("rope_theta")),
                             (_model, "rope_theta", Path("rope_theta")),
                             (_model, "rotary_emb_base", Path("rotary_emb_base")),
                         })
                {
                    if (_read.Number(obj, key, path) is not double value) continue;
                    _keys["Base"] = path;
                    return value;
                }
                _keys["Base"] = Path("rope_theta");
                return 10000.0;
            }

            /// <summary>From the model type, unless overridden; DeepSeek-V3's <c>rope_interleave</c> decides for any type that has it.</summary>
            private RotaryLayout Layout(string modelType, RotaryLayout? layout)
            {
                if (layout is RotaryLayout given)
                {
                    _keys["Layout"] = "Layout";
                    return given;
                }
                _keys["Layout"] = Path("model_type");
                bool? interleave = _read.Boolean(_model, "rope_interleave", Path("rope_interleave"));
                return interleave ?? InterleavedModelTypes.Contains(modelType) ? RotaryLayout.Interleaved : RotaryLayout.HalfSplit;
            }

            /// <summary>A number of the scaling dictionary (null when absent); records its key for validation faults.</summary>
            private double? Scaled(string key, string setting)
            {
                _keys[setting] = RopePath(key);
                return _read.Number(_rope, key, RopePath(key));
            }

            /// <summary>
            /// The pre-extension context L of yarn, longrope and llama3 (transformers v5): a top-level
            /// <c>original_max_position_embeddings</c> (Phi-3) wins, then the dictionary's, then <c>max_position_embeddings</c>.
            /// </summary>
            private int OriginalContext()
            {
                foreach ((ConfigNode? obj, string path) in new[]
                         {
                             (_model, Path("original_max_position_embeddings")),
                             (_rope, RopePath("original_max_position_embeddings")),
                             (_model, Path("max_position_embeddings")),
                         })
                {
                    string key = path.Substring(path.LastIndexOf('.') + 1);
                    if (_read.Integer(obj, key, path) is not int value) continue;
                    _keys["OriginalMaxPositions"] = path;
                    return value;
                }
                _keys["OriginalMaxPositions"] = RopePath("original_max_position_embeddings");
                return 0;
            }

            /// <summary>The top-level <c>max_position_embeddings</c>, 0 when absent.</summary>
            private int MaxPositions(string setting)
            {
                _keys[setting] = Path("max_position_embeddings");
                return _read.Integer(_model, "max_position_embeddings", Path("max_position_embeddings")) ?? 0;
            }

            /// <summary>
            /// The configuration: each setting read from its config.json key by the kinds that use it, the others at their
            /// defaults (so nothing is without effect). M-RoPE's sections go with any kind; validation says which fit.
            /// </summary>
            private RotaryConfig Read(int headDim, int rotaryDim, double @base, RopeScaling scaling, RotaryLayout layout)
            {
                bool yarn = scaling == RopeScaling.Yarn, longRope = scaling == RopeScaling.LongRope, llama3 = scaling == RopeScaling.Llama3;
                double factor = scaling == RopeScaling.None ? 0.0 : Scaled("factor", "Factor") ?? 0.0;
                // transformers' dynamic NTK takes the top-level max_position_embeddings as its original length.
                int original = scaling == RopeScaling.DynamicNtk ? MaxPositions("OriginalMaxPositions")
                    : yarn || longRope || llama3 ? OriginalContext() : 0;
                if (yarn && ConfigReader.Get(_rope, "factor") is null && original > 0)
                    factor = (double)MaxPositions("Factor") / original; // v5: without a factor, max / L
                double? attention = yarn || longRope ? Scaled("attention_factor", "AttentionFactor") : null;
                // transformers: an explicit attention_factor wins; mscale and mscale_all_dim count only together.
                double mscale = yarn ? Scaled("mscale", "YarnMScale") ?? 0.0 : 0.0, mscaleAllDim = yarn ? Scaled("mscale_all_dim", "YarnMScaleAllDim") ?? 0.0 : 0.0;
                bool mscales = attention is null && mscale != 0.0 && mscaleAllDim != 0.0;
                int[]? sections = Sections();

                return new RotaryConfig(headDim, @base, scaling)
                {
                    RotaryDim = rotaryDim,
                    Layout = layout,
                    Factor = factor,
                    OriginalMaxPositions = original,
                    MaxPositions = longRope ? MaxPositions("MaxPositions") : 0,
                    AttentionFactor = attention ?? 0.0,
                    YarnMScale = mscales ? mscale : 0.0,
                    YarnMScaleAllDim = mscales ? mscaleAllDim : 0.0,
                    // beta_fast and beta_slow are read as `x or default`: 0 means the default.
                    BetaFast = (yarn ? NonZero(Scaled("beta_fast", "BetaFast")) : null) ?? RotaryConfig.DefaultBetaFast,
                    BetaSlow = (yarn ? NonZero(Scaled("beta_slow", "BetaSlow")) : null) ?? RotaryConfig.DefaultBetaSlow,
                    YarnTruncate = !yarn || (_read.Boolean(_rope, "truncate", RopePath("truncate")) ?? true),
                    LowFreqFactor = (llama3 ? Scaled("low_freq_factor", "LowFreqFactor") : null) ?? RotaryConfig.DefaultLowFreqFactor,
                    HighFreqFactor = (llama3 ? Scaled("high_freq_factor", "HighFreqFactor") : null) ?? RotaryConfig.DefaultHighFreqFactor,
                    ShortFactors = longRope ? Factors("short_factor", "ShortFactors") : null,
                    LongFactors = longRope ? Factors("long_factor", "LongFactors") : null,
                    MRopeSections = sections,
                    MRopeInterleaved = sections is not null && (_read.Boolean(_rope, "mrope_interleaved", RopePath("mrope_interleaved")) ?? false),
                };
            }

            /// <summary>LongRoPE's per-pair factors.</summary>
            private double[]? Factors(string key, string setting)
            {
                _keys[setting] = RopePath(key);
                return _read.Numbers(_rope, key, RopePath(key));
            }

            /// <summary>M-RoPE's pairs per position axis (temporal, height, width), for Qwen2-VL and its successors.</summary>
            private int[]? Sections()
            {
                _keys["MRopeSections"] = RopePath("mrope_section");
                _keys["MRopeInterleaved"] = RopePath("mrope_interleaved");
                return _read.Integers(_rope, "mrope_section", RopePath("mrope_section"));
            }

            private static double? NonZero(double? value) => value == 0.0 ? null : value;

            private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        }
    }
}
