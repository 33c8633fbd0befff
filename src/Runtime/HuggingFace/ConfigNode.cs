using System.Collections.Generic;
using System.Globalization;

namespace RopeGen
{
    /// <summary>The kinds of JSON value.</summary>
    internal enum ConfigNodeKind
    {
        Null,
        False,
        True,
        Number,
        String,
        Array,
        Object,
    }

    /// <summary>
    /// One JSON value of a <c>config.json</c>, as the config mapping (<see cref="HuggingFaceConfig"/>) reads it. The
    /// runtime builds it from System.Text.Json, the generator with its own reader; both turn number text into doubles
    /// here, so the two agree on every value.
    /// </summary>
    /// <remarks>This file is compiled into the source generator too (linked source).</remarks>
    internal sealed class ConfigNode
    {
        private static readonly KeyValuePair<string, ConfigNode>[] NoProperties = new KeyValuePair<string, ConfigNode>[0];
        private static readonly ConfigNode[] NoItems = new ConfigNode[0];

        private ConfigNode(ConfigNodeKind kind, string text, double number, IReadOnlyList<ConfigNode> items,
            IReadOnlyList<KeyValuePair<string, ConfigNode>> properties)
        {
            Kind = kind;
            Text = text;
            Number = number;
            Items = items;
            Properties = properties;
        }

        public static ConfigNode Null { get; } = new(ConfigNodeKind.Null, "null", 0, NoItems, NoProperties);

        public static ConfigNode True { get; } = new(ConfigNodeKind.True, "true", 0, NoItems, NoProperties);

        public static ConfigNode False { get; } = new(ConfigNodeKind.False, "false", 0, NoItems, NoProperties);

        /// <summary>A number from its JSON text (already checked against the JSON grammar); too large a magnitude reads as ±∞.</summary>
        public static ConfigNode FromNumber(string text)
        {
            // .NET Framework's TryParse fails on overflow where .NET Core returns ±∞; the grammar is already checked.
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                value = text.StartsWith("-", System.StringComparison.Ordinal) ? double.NegativeInfinity : double.PositiveInfinity;
            return new ConfigNode(ConfigNodeKind.Number, text, value, NoItems, NoProperties);
        }

        public static ConfigNode FromString(string value) => new(ConfigNodeKind.String, value, 0, NoItems, NoProperties);

        public static ConfigNode FromItems(IReadOnlyList<ConfigNode> items) => new(ConfigNodeKind.Array, "", 0, items, NoProperties);

        /// <summary>An object; when a key repeats, the last value counts, as in Python's <c>json.load</c>.</summary>
        public static ConfigNode FromProperties(IReadOnlyList<KeyValuePair<string, ConfigNode>> properties) =>
            new(ConfigNodeKind.Object, "", 0, NoItems, properties);

        public ConfigNodeKind Kind { get; }

        /// <summary>A string's value or a number's JSON text; <c>true</c>, <c>false</c> or <c>null</c> for those.</summary>
        public string Text { get; }

        /// <summary>A number's value.</summary>
        public double Number { get; }

        /// <summary>An array's items.</summary>
        public IReadOnlyList<ConfigNode> Items { get; }

        /// <summary>An object's properties in file order.</summary>
        public IReadOnlyList<KeyValuePair<string, ConfigNode>> Properties { get; }

        /// <summary>The value of <paramref name="key"/> in an object (the last one when the key repeats); null if absent.</summary>
        public ConfigNode? this[string key]
        {
            get
            {
                for (int i = Properties.Count - 1; i >= 0; i--)
                    if (Properties[i].Key == key) return Properties[i].Value;
                return null;
            }
        }

        /// <summary>How a message shows the value: a number's text, a quoted string, or what kind of value it is.</summary>
        public string Describe() => Kind switch
        {
            ConfigNodeKind.String => "\"" + (Text.Length > 40 ? Text.Substring(0, 40) + "…" : Text) + "\"",
            ConfigNodeKind.Array => $"an array of {Items.Count.ToString(CultureInfo.InvariantCulture)} values",
            ConfigNodeKind.Object => "an object",
            _ => Text,
        };
    }
}
