using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace RopeGen
{
    public sealed partial class RotaryConfig
    {
        /// <summary>
        /// Reads the RoPE settings of a model's Hugging Face <c>config.json</c>, with the mapping that
        /// <c>[RotaryFromConfig]</c> applies at build time: head dim (<c>head_dim</c>, else
        /// <c>hidden_size / num_attention_heads</c> or <c>n_embd / n_head</c>; DeepSeek's <c>qk_rope_head_dim</c>),
        /// rotated dims (<c>partial_rotary_factor</c>, <c>rotary_pct</c>, <c>rotary_dim</c>), base (<c>rope_theta</c>,
        /// <c>rotary_emb_base</c>, default 10000), the scaling of <c>rope_scaling</c> or transformers v5's
        /// <c>rope_parameters</c>, and the layout from <c>model_type</c>. A multimodal config's <c>text_config</c> is
        /// read in place of the top level.
        /// </summary>
        /// <param name="json">The text of a config.json.</param>
        /// <param name="layout">Overrides the layout inferred from <c>model_type</c> (interleaved for GPT-J, CodeGen,
        /// Cohere, DeepSeek-V2/V3 and GLM; half-split otherwise), e.g. for weights in Meta's original layout.</param>
        /// <returns>A valid configuration.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
        /// <exception cref="ArgumentException">The text is not valid JSON (the message gives line and column), asks
        /// for a rope type RopeGen does not support (such as <c>mrope</c>), or has a missing or invalid setting; the
        /// message names the JSON key.</exception>
        public static RotaryConfig FromHuggingFace(string json, RotaryLayout? layout = null)
        {
            if (json is null) throw new ArgumentNullException(nameof(json));
            return Import(json, "config.json", nameof(json), layout);
        }

        /// <summary>Reads the RoPE settings of the Hugging Face <c>config.json</c> at <paramref name="path"/>; see
        /// <see cref="FromHuggingFace(string, RotaryLayout?)"/>.</summary>
        /// <param name="path">The file's path.</param>
        /// <param name="layout">Overrides the layout inferred from <c>model_type</c>.</param>
        /// <returns>A valid configuration.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
        /// <exception cref="ArgumentException">The file is not valid JSON or its settings cannot be used; the message
        /// names the file and the JSON key.</exception>
        /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
        public static RotaryConfig FromHuggingFaceFile(string path, RotaryLayout? layout = null)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            return Import(File.ReadAllText(path), path, nameof(path), layout);
        }

        private static RotaryConfig Import(string json, string source, string parameter, RotaryLayout? layout)
        {
            ConfigImport import = HuggingFaceConfig.Import(Parse(json, source, parameter), layout);
            if (import.Config is not null) return import.Config;
            throw new ArgumentException($"{source}: " + string.Join(" ", import.Faults.Select(f => f.Message)), parameter);
        }

        /// <summary>System.Text.Json's reading of the text, as the tree the shared mapping reads.</summary>
        private static ConfigNode Parse(string json, string source, string parameter)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(json.TrimStart('\uFEFF'), new JsonDocumentOptions { MaxDepth = 64 });
                return ToNode(document.RootElement);
            }
            catch (JsonException e)
            {
                // JsonException counts lines and bytes from 0 and repeats them at the end of its message.
                string reason = e.Message;
                int cut = reason.IndexOf(" Path: ", StringComparison.Ordinal);
                if (cut < 0) cut = reason.IndexOf(" LineNumber: ", StringComparison.Ordinal);
                if (cut > 0) reason = reason.Substring(0, cut);
                throw new ArgumentException(
                    $"{source} is not valid JSON: line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: {reason}", parameter, e);
            }
            catch (InvalidOperationException e) // a \u escape that is not valid UTF-16
            {
                throw new ArgumentException($"{source} is not valid JSON: {e.Message}", parameter, e);
            }
        }

        private static ConfigNode ToNode(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => ConfigNode.FromProperties(element.EnumerateObject()
                .Select(p => new KeyValuePair<string, ConfigNode>(p.Name, ToNode(p.Value))).ToArray()),
            JsonValueKind.Array => ConfigNode.FromItems(element.EnumerateArray().Select(ToNode).ToArray()),
            JsonValueKind.String => ConfigNode.FromString(element.GetString()!),
            JsonValueKind.Number => ConfigNode.FromNumber(element.GetRawText()),
            JsonValueKind.True => ConfigNode.True,
            JsonValueKind.False => ConfigNode.False,
            _ => ConfigNode.Null,
        };
    }
}
