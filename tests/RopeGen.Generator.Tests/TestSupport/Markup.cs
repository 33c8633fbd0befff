using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace RopeGen.Generator.Tests.TestSupport;

/// <summary>Source with expected diagnostics marked as <c>{|ROPE003:text|}</c>: the plain source and each (id, span).</summary>
public static class Markup
{
    private static readonly Regex s_open = new(@"\{\|(?<id>[A-Z]+[0-9]+):", RegexOptions.Compiled);

    public static (string Source, List<(string Id, TextSpan Span)> Expected) Parse(string markup)
    {
        var source = new StringBuilder();
        var expected = new List<(string, TextSpan)>();
        var open = new Stack<(string Id, int Start)>();
        int i = 0;
        while (i < markup.Length)
        {
            Match m = s_open.Match(markup, i);
            int close = markup.IndexOf("|}", i, System.StringComparison.Ordinal);
            if (m.Success && (close < 0 || m.Index < close))
            {
                source.Append(markup, i, m.Index - i);
                open.Push((m.Groups["id"].Value, source.Length));
                i = m.Index + m.Length;
            }
            else if (close >= 0 && open.Count > 0)
            {
                source.Append(markup, i, close - i);
                var (id, start) = open.Pop();
                expected.Add((id, TextSpan.FromBounds(start, source.Length)));
                i = close + 2;
            }
            else
            {
                source.Append(markup, i, markup.Length - i);
                break;
            }
        }
        return (source.ToString(), expected);
    }
}
