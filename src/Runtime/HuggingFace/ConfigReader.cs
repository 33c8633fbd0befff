using System.Collections.Generic;
using System.Globalization;

namespace RopeGen
{
    /// <summary>
    /// Typed reads of config.json keys for <see cref="HuggingFaceConfig"/>. A JSON <c>null</c> reads as absent (as
    /// transformers treats it); a value of the wrong type is a fault naming the key and reads as absent too.
    /// </summary>
    /// <remarks>This file is compiled into the source generator too (linked source).</remarks>
    internal sealed class ConfigReader
    {
        private readonly List<ConfigFault> _faults;

        public ConfigReader(List<ConfigFault> faults) => _faults = faults;

        /// <summary>The value of <paramref name="key"/> in <paramref name="obj"/>; null when absent or JSON null.</summary>
        public static ConfigNode? Get(ConfigNode? obj, string key) =>
            obj?[key] is { Kind: not ConfigNodeKind.Null } value ? value : null;

        public ConfigNode? Object(ConfigNode? obj, string key, string path) => Typed(obj, key, path, ConfigNodeKind.Object, "an object");

        public string? String(ConfigNode? obj, string key, string path) => Typed(obj, key, path, ConfigNodeKind.String, "a string")?.Text;

        public double? Number(ConfigNode? obj, string key, string path) => Typed(obj, key, path, ConfigNodeKind.Number, "a number")?.Number;

        /// <summary>A whole number in the range of <see cref="int"/> (<c>8192</c> or <c>8192.0</c>).</summary>
        public int? Integer(ConfigNode? obj, string key, string path)
        {
            ConfigNode? node = Typed(obj, key, path, ConfigNodeKind.Number, "a whole number");
            if (node is null) return null;
            double value = node.Number;
            if (IsInteger(value)) return (int)value;
            Fault(path, $"{path} is {node.Text}; expected a whole number from {int.MinValue.ToString(CultureInfo.InvariantCulture)} to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }

        public bool? Boolean(ConfigNode? obj, string key, string path)
        {
            ConfigNode? node = Get(obj, key);
            if (node is null) return null;
            if (node.Kind is ConfigNodeKind.True or ConfigNodeKind.False) return node.Kind == ConfigNodeKind.True;
            Fault(path, $"{path} is {node.Describe()}; expected true or false.");
            return null;
        }

        /// <summary>An array of numbers (LongRoPE's per-pair factors).</summary>
        public double[]? Numbers(ConfigNode? obj, string key, string path) => Array<double>(obj, key, path, "numbers", "a number", item => item.Number);

        /// <summary>An array of whole numbers (M-RoPE's sections).</summary>
        public int[]? Integers(ConfigNode? obj, string key, string path) =>
            Array<int>(obj, key, path, "whole numbers", "a whole number", item => IsInteger(item.Number) ? (int)item.Number : null);

        private T[]? Array<T>(ConfigNode? obj, string key, string path, string items, string expected, System.Func<ConfigNode, T?> read)
            where T : struct
        {
            ConfigNode? node = Typed(obj, key, path, ConfigNodeKind.Array, "an array of " + items);
            if (node is null) return null;
            var values = new T[node.Items.Count];
            for (int i = 0; i < values.Length; i++)
            {
                ConfigNode item = node.Items[i];
                if (item.Kind != ConfigNodeKind.Number || read(item) is not T value)
                {
                    Fault(path, $"{path}[{i.ToString(CultureInfo.InvariantCulture)}] is {item.Describe()}; expected {expected}.");
                    return null;
                }
                values[i] = value;
            }
            return values;
        }

        private static bool IsInteger(double value) => value == System.Math.Floor(value) && value >= int.MinValue && value <= int.MaxValue;

        public void Fault(string path, string message, string setting = "") =>
            _faults.Add(new ConfigFault(ConfigFaultKind.Setting, path, setting, message));

        private ConfigNode? Typed(ConfigNode? obj, string key, string path, ConfigNodeKind kind, string expected)
        {
            ConfigNode? node = Get(obj, key);
            if (node is null || node.Kind == kind) return node;
            Fault(path, $"{path} is {node.Describe()}; expected {expected}.");
            return null;
        }
    }
}
