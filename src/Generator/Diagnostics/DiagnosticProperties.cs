namespace RopeGen.Generator.Diagnostics
{
    /// <summary>Keys of <c>Diagnostic.Properties</c>: what an analyzer already knows and hands to the code fix.</summary>
    public static class DiagnosticProperties
    {
        /// <summary>ROPE003: the even rotary dim just below the odd one found; present only when that value is valid.</summary>
        public const string EvenRotaryDim = "EvenRotaryDim";
    }
}
