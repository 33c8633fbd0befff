using System;
using System.Threading.Tasks;

namespace RopeGen.Testing;

/// <summary>
/// Every rotation overload of one kernel, bound by name: a generated class's static <c>ApplyRotary</c> or a
/// <see cref="RotaryKernel"/>'s <c>Apply</c>. Lets the layout checks drive the generated and the run-time kernels alike.
/// </summary>
internal sealed class KernelOverloads
{
    public delegate void ApplyFn(Span<float> x, ReadOnlySpan<int> positions, int numHeads);
    public delegate void ApplyLengthFn(Span<float> x, ReadOnlySpan<int> positions, int numHeads, int sequenceLength);
    public delegate void FusedFn(Span<float> q, int numQueryHeads, Span<float> k, int numKeyValueHeads, ReadOnlySpan<int> positions);
    public delegate void FusedLengthFn(Span<float> q, int numQueryHeads, Span<float> k, int numKeyValueHeads, ReadOnlySpan<int> positions, int sequenceLength);
    public delegate void ViewFn(Span<float> x, ReadOnlySpan<int> positions, HeadView view);
    public delegate void ViewLengthFn(Span<float> x, ReadOnlySpan<int> positions, HeadView view, int sequenceLength);
    public delegate void ViewParallelFn(Span<float> x, ReadOnlySpan<int> positions, HeadView view, ParallelOptions parallel);
    public delegate void ViewLengthParallelFn(Span<float> x, ReadOnlySpan<int> positions, HeadView view, int sequenceLength, ParallelOptions parallel);
    public delegate void FusedViewFn(Span<float> q, HeadView queryView, Span<float> k, HeadView keyView, ReadOnlySpan<int> positions);
    public delegate void FusedViewLengthFn(Span<float> q, HeadView queryView, Span<float> k, HeadView keyView, ReadOnlySpan<int> positions, int sequenceLength);
    public delegate void FusedViewParallelFn(Span<float> q, HeadView queryView, Span<float> k, HeadView keyView, ReadOnlySpan<int> positions, ParallelOptions parallel);
    public delegate void FusedViewLengthParallelFn(Span<float> q, HeadView queryView, Span<float> k, HeadView keyView, ReadOnlySpan<int> positions,
        int sequenceLength, ParallelOptions parallel);

    /// <summary>A generated class's <c>ApplyRotary</c> overloads.</summary>
    public static KernelOverloads Generated(Type type, RotaryConfig config) =>
        new(config, t => Delegate.CreateDelegate(t, type, "ApplyRotary"));

    /// <summary>A run-time kernel's <c>Apply</c> overloads.</summary>
    public static KernelOverloads Runtime(RotaryKernel kernel) =>
        new(kernel.Config, t => Delegate.CreateDelegate(t, kernel, "Apply"));

    private KernelOverloads(RotaryConfig config, Func<Type, Delegate> bind)
    {
        T Bind<T>() where T : Delegate => (T)bind(typeof(T));
        Config = config;
        Apply = Bind<ApplyFn>();
        ApplyWithLength = Bind<ApplyLengthFn>();
        Fused = Bind<FusedFn>();
        FusedWithLength = Bind<FusedLengthFn>();
        View = Bind<ViewFn>();
        ViewWithLength = Bind<ViewLengthFn>();
        ViewParallel = Bind<ViewParallelFn>();
        ViewWithLengthParallel = Bind<ViewLengthParallelFn>();
        FusedViews = Bind<FusedViewFn>();
        FusedViewsWithLength = Bind<FusedViewLengthFn>();
        FusedViewsParallel = Bind<FusedViewParallelFn>();
        FusedViewsWithLengthParallel = Bind<FusedViewLengthParallelFn>();
    }

    public RotaryConfig Config { get; }
    public int HeadDim => Config.HeadDim;
    public ApplyFn Apply { get; }
    public ApplyLengthFn ApplyWithLength { get; }
    public FusedFn Fused { get; }
    public FusedLengthFn FusedWithLength { get; }
    public ViewFn View { get; }
    public ViewLengthFn ViewWithLength { get; }
    public ViewParallelFn ViewParallel { get; }
    public ViewLengthParallelFn ViewWithLengthParallel { get; }
    public FusedViewFn FusedViews { get; }
    public FusedViewLengthFn FusedViewsWithLength { get; }
    public FusedViewParallelFn FusedViewsParallel { get; }
    public FusedViewLengthParallelFn FusedViewsWithLengthParallel { get; }
}
