using System;
using System.ComponentModel;
using System.Threading.Tasks;

namespace RopeGen
{
    /// <summary>
    /// Splits one rotation call by tokens across threads, for the kernels' overloads that take
    /// <see cref="ParallelOptions"/> (generated <c>ApplyRotary</c> and <see cref="RotaryKernel"/>). The caller picks the
    /// table once for the whole call (the dynamic kinds' choice depends on the whole sequence), then each chunk of
    /// consecutive tokens runs the ordinary token loop, so the result is the serial result bit for bit.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class RotaryParallel
    {
        /// <summary>
        /// The floats (q and k elements rotated) each thread must get for a split to pay: calls smaller than twice this
        /// run on the calling thread (for Llama 3.1's 32 + 8 heads of 128, prefills of 205 tokens and more are split).
        /// Measured with the benchmarks' <c>--parallel-threshold</c> mode on the quiet 2-vCPU development VM, three runs:
        /// two threads first gained 10% at 128 tokens (655,360 floats) in two and at 256 tokens in the third, and lost
        /// below 64 tokens in all (a thread hop costs some 10 µs); this value splits from about 205 tokens.
        /// </summary>
        public const int MinFloatsPerThread = 1 << 19;

        /// <summary>The token loop of one chunk: rotates tokens <paramref name="first"/> to <paramref name="end"/> − 1.</summary>
        public delegate void TokenRange<TState>(in TState state, Span<float> a, Span<float> b, ReadOnlySpan<int> positions, int first, int end);

        /// <summary>
        /// How many chunks a call of <paramref name="tokens"/> tokens touching <paramref name="floats"/> floats is split
        /// into: at most <see cref="ParallelOptions.MaxDegreeOfParallelism"/> (−1: the processor count) and the tokens,
        /// with at least <see cref="MinFloatsPerThread"/> floats each; 1 (no other thread) for decode and small calls.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
        public static int ChunkCount(int tokens, long floats, ParallelOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            int threads = options.MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : options.MaxDegreeOfParallelism;
            return (int)Math.Max(1, Math.Min(Math.Min(threads, tokens), floats / MinFloatsPerThread));
        }

        /// <summary>
        /// Runs <paramref name="body"/> over <paramref name="chunks"/> ranges of consecutive tokens: on the calling thread
        /// alone when there is one chunk, otherwise on up to <paramref name="chunks"/> threads of
        /// <paramref name="options"/>' scheduler, returning when all are done. The spans stay pinned meanwhile. The
        /// options' cancellation token is checked once, before anything is written; a started call runs to its end.
        /// </summary>
        /// <exception cref="OperationCanceledException">The options' token was cancelled before the call started.</exception>
        public static unsafe void For<TState>(Span<float> a, Span<float> b, ReadOnlySpan<int> positions, int chunks, ParallelOptions options,
            TState state, TokenRange<TState> body)
        {
            options.CancellationToken.ThrowIfCancellationRequested();
            int tokens = positions.Length;
            if (chunks <= 1 || tokens < 2)
            {
                body(in state, a, b, positions, 0, tokens);
                return;
            }
            int aLength = a.Length, bLength = b.Length;
            var workers = new ParallelOptions { MaxDegreeOfParallelism = chunks, TaskScheduler = options.TaskScheduler };
            fixed (float* aPointer = a, bPointer = b)
            fixed (int* positionsPointer = positions)
            {
                // Spans cannot cross threads; their pinned addresses can, for as long as this frame waits below.
                nint aAddress = (nint)aPointer, bAddress = (nint)bPointer, positionsAddress = (nint)positionsPointer;
                Parallel.For(0, chunks, workers, chunk => body(in state,
                    new Span<float>((void*)aAddress, aLength), new Span<float>((void*)bAddress, bLength),
                    new ReadOnlySpan<int>((void*)positionsAddress, tokens),
                    (int)((long)tokens * chunk / chunks), (int)((long)tokens * (chunk + 1) / chunks)));
            }
        }
    }
}
