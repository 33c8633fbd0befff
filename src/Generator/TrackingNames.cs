namespace RopeGen.Generator
{
    /// <summary>Names of the pipeline steps, for incremental-caching tests.</summary>
    internal static class TrackingNames
    {
        public const string RotaryClasses = nameof(RotaryClasses);
        public const string ValidRotaryClasses = nameof(ValidRotaryClasses);
        public const string IlgpuReference = nameof(IlgpuReference);
        public const string HintNameRenames = nameof(HintNameRenames);
        public const string Targets = nameof(Targets);
    }
}
