using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using RopeGen.Generator.Config;
using RopeGen.Generator.Tests.TestSupport;

namespace RopeGen.Generator.Tests.Config;

/// <summary>The generator's JSON reader against System.Text.Json, the reader of the runtime: the same values for every
/// corpus file and tricky valid text, a rejection for every malformed text, with the line and column of the fault.</summary>
public class ConfigJsonReaderTests
{
    public static TheoryData<string> CorpusFolders() => new(ConfigProject.CorpusFolders());

    [Theory]
    [MemberData(nameof(CorpusFolders))]
    public void EveryCorpusFileReadsAsSystemTextJsonReadsIt(string folder) =>
        AssertSameAsSystemTextJson(File.ReadAllText(ConfigProject.CorpusPath(folder)));

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""[]""")]
    [InlineData(""" { "a" : [ 1 , -2.5e+3 , 0.125E-2 , 0 , -0 , 1e400 , 123456789012345678901234567890 ] } """)]
    [InlineData("""{ "esc": "\"\\\/\b\f\n\r\t\u00e9\u20AC\uD83D\uDE00", "plain": "Grüße, 世界" }""")]
    [InlineData("""{ "dup": 1, "dup": 2, "nested": { "dup": [true, false, null] } }""")]
    [InlineData("\uFEFF{\r\n\t\"bom\": 1\r\n}\r\n")]
    [InlineData("""[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]""")] // 64 levels
    [InlineData("""  "just a string"  """)]
    [InlineData("""2.5""")]
    public void TrickyValidTextReadsAsSystemTextJsonReadsIt(string json) => AssertSameAsSystemTextJson(json);

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("   ", 1, 4)]
    [InlineData("""{ "a": 1, }""", 1, 11)]
    [InlineData("""[1, 2,]""", 1, 7)]
    [InlineData("""{ "a": 1 } // comment""", 1, 12)]
    [InlineData("""{ 'a': 1 }""", 1, 3)]
    [InlineData("""{ a: 1 }""", 1, 3)]
    [InlineData("""{ "a" 1 }""", 1, 7)]
    [InlineData("""{ "a": 1 "b": 2 }""", 1, 10)]
    [InlineData("""{ "a": NaN }""", 1, 8)]
    [InlineData("""{ "a": Infinity }""", 1, 8)]
    [InlineData("""{ "a": 01 }""", 1, 9)]
    [InlineData("""{ "a": 1. }""", 1, 10)]
    [InlineData("""{ "a": .5 }""", 1, 8)]
    [InlineData("""{ "a": - }""", 1, 9)]
    [InlineData("""{ "a": 1e }""", 1, 10)]
    [InlineData("""{ "a": +1 }""", 1, 8)]
    [InlineData("""{ "a": tru }""", 1, 8)]
    [InlineData("""{ "a": "\x" }""", 1, 10)]
    [InlineData("""{ "a": "\u12" }""", 1, 11)]
    [InlineData("{ \"a\": \"line\nbreak\" }", 1, 13)]
    [InlineData("""{ "a": "open""", 1, 13)]
    [InlineData("""{ "a": [1, 2""", 1, 13)]
    [InlineData("""{} {}""", 1, 4)]
    [InlineData("{\n  \"hidden_size\": 4096,\n  \"heads\": 32,\n}", 4, 1)]
    [InlineData("{\n  \"rope_scaling\": {\n    \"factor\": 8.0\n    \"type\": \"linear\"\n  }\n}", 4, 5)]
    [InlineData("""[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]""", 1, 65)] // 65 levels
    public void MalformedTextIsRejectedAtItsLineAndColumn(string json, int line, int column)
    {
        JsonSyntaxError error = Assert.IsType<JsonSyntaxError>(ConfigJsonReader.Read(json).Error);
        Assert.Equal((line, column), (error.Line, error.Column));
        var stj = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(json));
        Assert.Equal(line, stj.LineNumber + 1); // System.Text.Json agrees that it is not JSON, and on the line
    }

    private static void AssertSameAsSystemTextJson(string json)
    {
        ConfigJson read = ConfigJsonReader.Read(json);
        Assert.Null(read.Error);
        using JsonDocument document = JsonDocument.Parse(json.TrimStart('\uFEFF'));
        AssertSame(document.RootElement, read.Root!, "$");
    }

    private static void AssertSame(JsonElement expected, ConfigNode actual, string path)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.True(actual.Kind == ConfigNodeKind.Object, path);
                var properties = expected.EnumerateObject().ToList();
                Assert.Equal(properties.Select(p => p.Name), actual.Properties.Select(p => p.Key));
                for (int i = 0; i < properties.Count; i++) AssertSame(properties[i].Value, actual.Properties[i].Value, path + "." + properties[i].Name);
                break;
            case JsonValueKind.Array:
                Assert.True(actual.Kind == ConfigNodeKind.Array, path);
                var items = expected.EnumerateArray().ToList();
                Assert.Equal(items.Count, actual.Items.Count);
                for (int i = 0; i < items.Count; i++) AssertSame(items[i], actual.Items[i], $"{path}[{i}]");
                break;
            case JsonValueKind.String:
                Assert.True(actual.Kind == ConfigNodeKind.String, path);
                Assert.Equal(expected.GetString(), actual.Text);
                break;
            case JsonValueKind.Number:
                Assert.True(actual.Kind == ConfigNodeKind.Number, path);
                Assert.Equal(expected.GetRawText(), actual.Text);
                // System.Text.Json refuses magnitudes beyond double; the shared node reads them as infinity.
                double value = expected.TryGetDouble(out double d) && !double.IsInfinity(d) ? d : double.PositiveInfinity;
                Assert.Equal(value, actual.Number);
                break;
            default:
                Assert.Equal(expected.ValueKind switch
                {
                    JsonValueKind.True => ConfigNodeKind.True,
                    JsonValueKind.False => ConfigNodeKind.False,
                    _ => ConfigNodeKind.Null,
                }, actual.Kind);
                break;
        }
    }
}
