using System;
using System.Runtime.InteropServices;

namespace RopeGen.Peers;

/// <summary>
/// Floats in native memory aligned to 64 bytes (a cache line), as tensor libraries allocate them (a .NET array's data
/// starts at an arbitrary 8-byte offset within a line, which splits every 512-bit access over two lines).
/// </summary>
public sealed unsafe class AlignedBuffer : IDisposable
{
    private float* _data;

    public AlignedBuffer(int length)
    {
        Length = length;
        _data = (float*)NativeMemory.AlignedAlloc((nuint)length * sizeof(float), 64);
        Span.Clear();
    }

    public int Length { get; }

    public Span<float> Span => new(_data, Length);

    public void Dispose()
    {
        NativeMemory.AlignedFree(_data);
        _data = null;
    }
}
