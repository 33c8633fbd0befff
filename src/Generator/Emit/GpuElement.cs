namespace RopeGen.Generator.Emit
{
    /// <summary>
    /// An element type of the GPU buffers: float, fp16 or bfloat16. The 16-bit types reach the kernels as
    /// <c>ArrayView&lt;ushort&gt;</c> (a view cast on the host) and are converted in the kernels by the shared
    /// <c>GpuMath</c>, bit for bit as .NET's <c>Half</c> casts and <c>RopeGen.BFloat16</c> convert: ILGPU's own
    /// <c>Half</c> conversion truncates on its CPU accelerator.
    /// </summary>
    /// <param name="Suffix">Appended to the names of the kernels, launchers and <c>GpuMath</c> methods of this type.</param>
    /// <param name="Type">The element type of the public views.</param>
    /// <param name="KernelType">The element type of the kernels' views.</param>
    /// <param name="Cast">What turns a public view into a kernel view.</param>
    /// <param name="Description">How the docs name the type.</param>
    internal sealed record GpuElement(string Suffix, string Type, string KernelType, string Cast, string Description)
    {
        public static readonly GpuElement Float = new("", "float", "float", "", "float");

        public static readonly GpuElement Half = new("Half", "global::ILGPU.Half", "ushort", ".Cast<ushort>()",
            "fp16 (<see cref=\"global::ILGPU.Half\"/>)");

        public static readonly GpuElement BFloat16 = new("BFloat16", "global::RopeGen.BFloat16", "ushort", ".Cast<ushort>()",
            "bfloat16 (<see cref=\"global::RopeGen.BFloat16\"/>)");

        public static readonly GpuElement[] All = { Float, Half, BFloat16 };
    }
}
