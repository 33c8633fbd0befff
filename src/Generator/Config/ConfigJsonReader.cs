using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace RopeGen.Generator.Config
{
    /// <summary>Where and why a config file is not valid JSON (line and column count from 1).</summary>
    internal sealed record JsonSyntaxError(int Offset, int Line, int Column, string Reason);

    /// <summary>A parsed file: its root value, or the syntax error that stopped the reader.</summary>
    internal sealed record ConfigJson(ConfigNode? Root, JsonSyntaxError? Error);

    /// <summary>
    /// A strict JSON reader (RFC 8259: no comments, trailing commas, NaN or Infinity; 64 levels deep at most, as
    /// System.Text.Json's default) for the generator and the analyzers. It builds the <see cref="ConfigNode"/> tree
    /// that the shared mapping reads; the runtime builds the same tree with System.Text.Json.
    /// </summary>
    /// <remarks>
    /// Why not System.Text.Json here: compiler hosts load analyzers beside their own assemblies. Visual Studio's
    /// .NET Framework host has no System.Text.Json of its own, so the package would have to carry System.Text.Json and
    /// its six dependencies (System.Memory, System.Buffers, System.Text.Encodings.Web, …) under analyzers/, where
    /// they can clash with the versions the IDE has loaded for itself or for other analyzers (binding failures that
    /// silently disable the generator), and the package would stop being dependency-free. A config.json needs objects,
    /// arrays, strings, numbers and three literals; this reader is about 200 lines, and a test holds it against
    /// System.Text.Json on every corpus file and on a set of malformed inputs.
    /// </remarks>
    internal sealed class ConfigJsonReader
    {
        private const int MaxDepth = 64;
        private readonly string _text;
        private int _pos;
        private int _line = 1;
        private int _lineStart;

        private ConfigJsonReader(string text) => _text = text;

        /// <summary>Parses <paramref name="text"/>; never throws on bad input.</summary>
        public static ConfigJson Read(string text)
        {
            var reader = new ConfigJsonReader(text);
            try
            {
                if (text.Length > 0 && text[0] == '\uFEFF') reader._pos = reader._lineStart = 1;
                reader.SkipWhitespace();
                ConfigNode root = reader.Value(0);
                reader.SkipWhitespace();
                if (reader._pos < text.Length) reader.Fail($"unexpected {reader.Show()} after the end of the top-level value");
                return new ConfigJson(root, null);
            }
            catch (SyntaxException e)
            {
                return new ConfigJson(null, e.Error);
            }
        }

        private ConfigNode Value(int depth)
        {
            if (_pos >= _text.Length) Fail("the file ends where a value was expected");
            char c = _text[_pos];
            switch (c)
            {
                case '{': return Object(depth + 1);
                case '[': return Array(depth + 1);
                case '"': return ConfigNode.FromString(String());
                case 't': return Literal("true", ConfigNode.True);
                case 'f': return Literal("false", ConfigNode.False);
                case 'n': return Literal("null", ConfigNode.Null);
                default:
                    if (c == '-' || IsDigit(c)) return Number();
                    Fail($"unexpected {Show()}; expected a value (an object, array, string, number, true, false or null)");
                    return null!;
            }
        }

        private ConfigNode Object(int depth)
        {
            Enter(depth);
            var properties = new List<KeyValuePair<string, ConfigNode>>();
            SkipWhitespace();
            if (Next('}')) return ConfigNode.FromProperties(properties);
            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"') Fail($"unexpected {Show()}; expected a property name in double quotes");
                string key = String();
                SkipWhitespace();
                if (!Next(':')) Fail($"unexpected {Show()}; expected ':' after the property name");
                SkipWhitespace();
                properties.Add(new KeyValuePair<string, ConfigNode>(key, Value(depth)));
                SkipWhitespace();
                if (Next('}')) return ConfigNode.FromProperties(properties);
                if (!Next(',')) Fail($"unexpected {Show()}; expected ',' or '}}' after a property value");
            }
        }

        private ConfigNode Array(int depth)
        {
            Enter(depth);
            var items = new List<ConfigNode>();
            SkipWhitespace();
            if (Next(']')) return ConfigNode.FromItems(items);
            while (true)
            {
                SkipWhitespace();
                items.Add(Value(depth));
                SkipWhitespace();
                if (Next(']')) return ConfigNode.FromItems(items);
                if (!Next(',')) Fail($"unexpected {Show()}; expected ',' or ']' after an array item");
            }
        }

        private void Enter(int depth)
        {
            if (depth > MaxDepth) Fail($"values are nested more than {MaxDepth} levels deep");
            _pos++;
        }

        private string String()
        {
            _pos++; // the opening quote
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= _text.Length) Fail("the file ends inside a string");
                char c = _text[_pos];
                if (c == '"')
                {
                    _pos++;
                    return sb.ToString();
                }
                if (c < ' ') Fail($"unescaped control character U+{(int)c:X4} inside a string");
                if (c != '\\')
                {
                    sb.Append(c);
                    _pos++;
                    continue;
                }
                if (_pos + 1 >= _text.Length) Fail("the file ends inside a string");
                char escape = _text[_pos + 1];
                _pos += 2;
                switch (escape)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        int code = 0;
                        if (_pos + 4 > _text.Length || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code))
                            Fail("expected four hexadecimal digits after \\u");
                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        _pos -= 1;
                        Fail($"invalid escape \\{escape} in a string");
                        break;
                }
            }
        }

        /// <summary>-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
        private ConfigNode Number()
        {
            int start = _pos;
            Next('-');
            if (Next('0')) { }
            else if (IsDigit(Peek())) Digits();
            else Fail($"unexpected {Show()}; expected a digit in a number");
            if (Next('.'))
            {
                if (!IsDigit(Peek())) Fail($"unexpected {Show()}; expected a digit after the decimal point");
                Digits();
            }
            if (Next('e') || Next('E'))
            {
                if (!Next('+')) Next('-');
                if (!IsDigit(Peek())) Fail($"unexpected {Show()}; expected a digit in the exponent");
                Digits();
            }
            return ConfigNode.FromNumber(_text.Substring(start, _pos - start));
        }

        private void Digits()
        {
            while (IsDigit(Peek())) _pos++;
        }

        private ConfigNode Literal(string word, ConfigNode value)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0) Fail($"unexpected {Show()}; expected {word} or another value");
            _pos += word.Length;
            return value;
        }

        private void SkipWhitespace()
        {
            for (; _pos < _text.Length; _pos++)
            {
                char c = _text[_pos];
                if (c == '\n')
                {
                    _line++;
                    _lineStart = _pos + 1;
                }
                else if (c != ' ' && c != '\t' && c != '\r') return;
            }
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private bool Next(char c)
        {
            if (Peek() != c || _pos >= _text.Length) return false;
            _pos++;
            return true;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private string Show() => _pos >= _text.Length ? "end of file" : _text[_pos] < ' ' ? $"character U+{(int)_text[_pos]:X4}" : $"'{_text[_pos]}'";

        private void Fail(string reason) =>
            throw new SyntaxException(new JsonSyntaxError(_pos, _line, _pos - _lineStart + 1, reason));

        private sealed class SyntaxException : System.Exception
        {
            public SyntaxException(JsonSyntaxError error) => Error = error;

            public JsonSyntaxError Error { get; }
        }
    }
}
