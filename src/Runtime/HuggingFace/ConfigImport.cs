using System.Collections.Generic;

namespace RopeGen
{
    /// <summary>What is wrong with a config file.</summary>
    internal enum ConfigFaultKind
    {
        /// <summary>The file asks for something RopeGen does not do: a rope type such as <c>mrope</c>, or no RoPE at all.</summary>
        Unsupported,

        /// <summary>A setting is missing, has the wrong JSON type, or breaks a rule of <see cref="RotaryValidation"/>.</summary>
        Setting,
    }

    /// <summary>One fault of a config file, naming the JSON key at fault.</summary>
    internal sealed class ConfigFault
    {
        public ConfigFault(ConfigFaultKind kind, string key, string setting, string message)
        {
            Kind = kind;
            Key = key;
            Setting = setting;
            Message = message;
        }

        public ConfigFaultKind Kind { get; }

        /// <summary>The JSON key at fault, as a path (<c>rope_scaling.factor</c>, <c>text_config.head_dim</c>), or
        /// <c>Layout</c> when the fault is the layout given beside the file.</summary>
        public string Key { get; }

        /// <summary>The <see cref="RotaryConfig"/> setting the key feeds (<c>Factor</c>), or empty.</summary>
        public string Setting { get; }

        /// <summary>What is wrong and what was expected; starts with the key.</summary>
        public string Message { get; }

        public override string ToString() => Message;
    }

    /// <summary>The result of reading a config file: the configuration, or the faults that prevent it.</summary>
    internal sealed class ConfigImport
    {
        public ConfigImport(RotaryConfig? config, IReadOnlyList<ConfigFault> faults)
        {
            Config = config;
            Faults = faults;
        }

        /// <summary>The configuration; null when <see cref="Faults"/> is not empty.</summary>
        public RotaryConfig? Config { get; }

        public IReadOnlyList<ConfigFault> Faults { get; }
    }
}
