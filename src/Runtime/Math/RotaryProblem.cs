namespace RopeGen
{
    /// <summary>The rule a <see cref="RotaryProblem"/> breaks; each maps to one analyzer diagnostic.</summary>
    public enum RotaryRule
    {
        /// <summary>The head dim is not positive and even (ROPE002).</summary>
        HeadDim,

        /// <summary>The rotary dim is odd, negative or larger than the head dim (ROPE003).</summary>
        RotaryDim,

        /// <summary>The base is not finite or not above 1 (ROPE004).</summary>
        Base,

        /// <summary>A scaling setting is missing or invalid for the chosen kind (ROPE005).</summary>
        Scaling,

        /// <summary>A setting is given that the chosen kind ignores (ROPE008, a warning).</summary>
        NoEffect,

        /// <summary>The layout is not a defined <see cref="RotaryLayout"/> value (ROPE010).</summary>
        Layout,

        /// <summary>The M-RoPE sections are invalid or used with a scaling kind they do not support (ROPE020).</summary>
        Multimodal,
    }

    /// <summary>One fault found in a <see cref="RotaryConfig"/>: which rule, which setting, and a message naming the
    /// value found and the value or range expected.</summary>
    public sealed class RotaryProblem
    {
        /// <summary>Creates a problem report.</summary>
        public RotaryProblem(RotaryRule rule, string setting, string message)
        {
            Rule = rule;
            Setting = setting;
            Message = message;
        }

        /// <summary>The rule broken.</summary>
        public RotaryRule Rule { get; }

        /// <summary>The name of the setting at fault, as spelled on <see cref="RotaryAttribute"/> (e.g. <c>"RotaryDim"</c>).</summary>
        public string Setting { get; }

        /// <summary>What is wrong and what was expected.</summary>
        public string Message { get; }

        /// <summary>False only for settings without effect, which do not stop the configuration from working.</summary>
        public bool IsError => Rule != RotaryRule.NoEffect;

        /// <inheritdoc/>
        public override string ToString() => Setting + ": " + Message;
    }
}
