using RopeGen.Generator.Model;

namespace RopeGen.Generator.Emit
{
    /// <summary>Writes the ILGPU members of an annotated class; only called when the compilation references ILGPU.</summary>
    internal static class GpuKernelEmitter
    {
        public static void EmitMembers(SourceWriter w, RotaryClassSpec spec, RotaryConfig config)
        {
        }
    }
}
