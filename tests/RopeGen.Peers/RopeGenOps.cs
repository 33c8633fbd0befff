using System;
using System.Threading.Tasks;
using RopeGen.Benchmarks;

namespace RopeGen.Peers;

/// <summary>
/// The operations measured in .NET on one case, each bound to its buffer: RopeGen's generated class of the layout, the
/// run-time <see cref="RotaryKernel"/>, the in-place limit (512- and 256-bit) and the copy.
/// </summary>
public sealed class RopeGenOps
{
    private delegate void TokenRange(Span<float> x, ReadOnlySpan<int> positions);

    private static readonly TokenRange s_half = static (x, positions) => PlainHalf.ApplyRotary(x, positions, PeerCase.Heads);
    private static readonly TokenRange s_interleaved = static (x, positions) => PlainInterleaved.ApplyRotary(x, positions, PeerCase.Heads);
    private static readonly TokenRange s_scale512 = static (x, _) => MemoryLimits.Scale512(x, -1f);
    private static readonly TokenRange s_scale256 = static (x, _) => MemoryLimits.Scale256(x, -1f);

    private readonly PeerCase _case;
    private readonly RotaryKernel _runtime;
    private readonly int[] _positions;

    public RopeGenOps(PeerCase peerCase)
    {
        _case = peerCase;
        _runtime = new RotaryKernel(peerCase.Config);
        _positions = peerCase.Positions();
    }

    /// <summary>The generated kernel rotating <paramref name="q"/> in place.</summary>
    public Action Generated(AlignedBuffer q) => Bind(q, _case.Interleaved ? s_interleaved : s_half);

    /// <summary>The run-time kernel rotating <paramref name="q"/> in place.</summary>
    public Action Runtime(AlignedBuffer q) => Bind(q, (x, positions) => _runtime.Apply(x, positions, PeerCase.Heads));

    /// <summary>The in-place limit, <c>x *= -1</c>, with 512-bit vectors.</summary>
    public Action InPlace512(AlignedBuffer q) => Bind(q, s_scale512);

    /// <summary>The in-place limit with 256-bit vectors.</summary>
    public Action InPlace256(AlignedBuffer q) => Bind(q, s_scale256);

    /// <summary><c>Span.CopyTo</c> of <paramref name="q"/> into <paramref name="destination"/>, split over the case's threads like the rest.</summary>
    public Action Copy(AlignedBuffer q, AlignedBuffer destination)
    {
        if (_case.Threads == 1) return () => q.Span.CopyTo(destination.Span);
        return () => Parallel.For(0, _case.Threads, part =>
        {
            (int start, int length) = Floats(part);
            q.Span.Slice(start, length).CopyTo(destination.Span.Slice(start, length));
        });
    }

    /// <summary>
    /// Runs <paramref name="rotate"/> over the case's tokens: at one thread in one call; at more threads the caller splits
    /// the tokens into equal ranges, one per thread.
    /// </summary>
    /// <remarks>
    /// SWITCH POINT (issue 11): this caller split is how the <c>-2t</c> cases run RopeGen until RopeGen has its own
    /// parallel prefill. Once it does, bind <see cref="Generated"/> and <see cref="Runtime"/> to that API here (with the
    /// case's threads as the degree of parallelism), keep the split for the in-place limit and the copy, and update the
    /// README's method note.
    /// </remarks>
    private Action Bind(AlignedBuffer q, TokenRange rotate)
    {
        if (_case.Threads == 1) return () => rotate(q.Span, _positions);
        return () => Parallel.For(0, _case.Threads, part =>
        {
            (int start, int length) = Floats(part);
            int tokenFloats = PeerCase.Heads * PeerCase.HeadDim;
            rotate(q.Span.Slice(start, length), _positions.AsSpan(start / tokenFloats, length / tokenFloats));
        });
    }

    /// <summary>Thread <paramref name="part"/>'s floats: an equal share of whole tokens.</summary>
    private (int Start, int Length) Floats(int part)
    {
        int tokenFloats = PeerCase.Heads * PeerCase.HeadDim;
        long first = (long)_case.Tokens * part / _case.Threads, next = (long)_case.Tokens * (part + 1) / _case.Threads;
        return ((int)first * tokenFloats, (int)(next - first) * tokenFloats);
    }
}
