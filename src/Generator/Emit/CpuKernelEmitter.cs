using RopeGen.Generator.Model;

namespace RopeGen.Generator.Emit
{
    /// <summary>Writes the CPU members of an annotated class: the resolved configuration and the SIMD kernels.</summary>
    internal static class CpuKernelEmitter
    {
        public static void EmitMembers(SourceWriter w, RotaryClassSpec spec, RotaryConfig config)
        {
        }
    }
}
