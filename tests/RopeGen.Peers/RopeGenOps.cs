using System;
using System.Threading.Tasks;
using RopeGen.Benchmarks;

namespace RopeGen.Peers;

/// <summary>
/// The operations measured in .NET on one case, each bound to its buffer: RopeGen's generated class of the layout, the
/// run-time <see cref="RotaryKernel"/>, the in-place limit (512- and 256-bit) and the copy. At more than one thread
/// RopeGen's kernels split the call themselves (their <see cref="ParallelOptions"/> overloads); the in-place limit and the
/// copy are split by the caller into equal ranges of tokens, one per thread.
/// </summary>
public sealed class RopeGenOps
{
    private delegate void TokenRange(Span<float> x, ReadOnlySpan<int> positions);

    private static readonly HeadView s_view = HeadView.Contiguous(PeerCase.Heads);
    private static readonly TokenRange s_scale512 = static (x, _) => MemoryLimits.Scale512(x, -1f);
    private static readonly TokenRange s_scale256 = static (x, _) => MemoryLimits.Scale256(x, -1f);

    private readonly PeerCase _case;
    private readonly RotaryKernel _runtime;
    private readonly int[] _positions;
    private readonly ParallelOptions _parallel;

    public RopeGenOps(PeerCase peerCase)
    {
        _case = peerCase;
        _runtime = new RotaryKernel(peerCase.Config);
        _positions = peerCase.Positions();
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = peerCase.Threads };
    }

    /// <summary>The generated kernel rotating <paramref name="q"/> in place: the plain call at one thread, the <see cref="ParallelOptions"/> overload at more.</summary>
    public Action Generated(AlignedBuffer q) => (_case.Threads, _case.Interleaved) switch
    {
        (1, false) => () => PlainHalf.ApplyRotary(q.Span, _positions, PeerCase.Heads),
        (1, true) => () => PlainInterleaved.ApplyRotary(q.Span, _positions, PeerCase.Heads),
        (_, false) => () => PlainHalf.ApplyRotary(q.Span, _positions, s_view, _parallel),
        (_, true) => () => PlainInterleaved.ApplyRotary(q.Span, _positions, s_view, _parallel),
    };

    /// <summary>The run-time kernel rotating <paramref name="q"/> in place, like <see cref="Generated"/>.</summary>
    public Action Runtime(AlignedBuffer q) => _case.Threads == 1
        ? () => _runtime.Apply(q.Span, _positions, PeerCase.Heads)
        : () => _runtime.Apply(q.Span, _positions, s_view, _parallel);

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
