using System.ComponentModel;

namespace RopeGen
{
    /// <summary>
    /// Implemented by generated kernels: rotates one head with one cos/sin table row. Kernels are generic over a struct
    /// implementing it, so the JIT compiles one loop per vector width with the rotation inlined.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IHeadRotation
    {
        /// <summary>Rotates the head at <paramref name="head"/> with the row at <paramref name="row"/> (cos first, then sin).</summary>
        static abstract void Rotate(ref float head, ref float row);
    }
}
