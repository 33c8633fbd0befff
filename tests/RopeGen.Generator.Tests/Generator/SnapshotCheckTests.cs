using RopeGen.Generator.Tests.TestSupport;
using Xunit.Sdk;

namespace RopeGen.Generator.Tests.Generator;

/// <summary>The snapshot check itself: it cannot pass when there is nothing to compare.</summary>
public class SnapshotCheckTests
{
    [Fact]
    public void FailsWhenTheGeneratorProducesNothing()
    {
        // No [Rotary] class: the generator adds no source, which a snapshot test must not take for a match.
        var (_, _, result) = TestCompilation.RunGenerator(TestCompilation.Create("namespace Models; public partial class Plain { }"));

        var failure = Assert.ThrowsAny<XunitException>(() => Snapshot.Verify(result, method: "NothingGenerated"));

        Assert.Contains("produced no source", failure.Message);
    }
}
