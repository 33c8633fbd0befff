using RopeGen.Generator.Tests.TestSupport;
using Xunit.Sdk;

namespace RopeGen.Generator.Tests.Generator;

/// <summary>The snapshot check itself: it cannot pass when there is nothing to compare, and excerpts cut what they name.</summary>
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

    [Fact]
    public void AnExcerptOfAMemberThatIsNotGeneratedFails()
    {
        var excerpt = SnapshotExcerpt.Of("test", new SnapshotExcerpt("static void NotGenerated("));

        var failure = Assert.ThrowsAny<XunitException>(() => excerpt("namespace Models\n{\n    partial class A\n    {\n    }\n}\n"));

        Assert.Contains("NotGenerated", failure.Message);
    }

    [Fact]
    public void AnExcerptHoldsTheMemberWithItsDocsUpToItsClosingBrace()
    {
        const string text = "    /// <summary>Doc.</summary>\n    [Attr]\n    void M()\n    {\n        if (x)\n        {\n        }\n    }\n    void N() { }\n";

        string excerpt = SnapshotExcerpt.Of("note", new SnapshotExcerpt("void M()"))(text);

        Assert.Equal("// Excerpt: note\n    /// <summary>Doc.</summary>\n    [Attr]\n    void M()\n    {\n        if (x)\n        {\n        }\n    }\n", excerpt);
    }
}
