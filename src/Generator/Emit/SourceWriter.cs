using System;
using System.Globalization;
using System.Text;

namespace RopeGen.Generator.Emit
{
    /// <summary>A small indented writer (four spaces), in the manner of dotnet/runtime's SourceWriter.</summary>
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _sb = new();
        private int _indent;

        public SourceWriter Line(string text = "")
        {
            if (text.Length > 0) _sb.Append(' ', _indent * 4).Append(text);
            _sb.Append('\n');
            return this;
        }

        /// <summary>
        /// Writes a block of fixed text (a raw-string template, so that the emitter reads like its output) line by line at
        /// the current indentation; blank lines stay blank. The block keeps its own braces balanced.
        /// </summary>
        public SourceWriter Block(string text)
        {
            foreach (string line in text.Replace("\r\n", "\n").Split('\n')) Line(line);
            return this;
        }

        /// <summary>Writes <paramref name="header"/> (if any) and an opening brace, and indents.</summary>
        public SourceWriter Open(string header = "")
        {
            if (header.Length > 0) Line(header);
            Line("{");
            _indent++;
            return this;
        }

        public SourceWriter Close(string suffix = "")
        {
            _indent--;
            return Line("}" + suffix);
        }

        public override string ToString()
        {
            if (_indent != 0) throw new InvalidOperationException($"Unbalanced indentation: {_indent}.");
            return _sb.ToString();
        }

        /// <summary>A double literal that round-trips (G17), culture-invariant.</summary>
        public static string Double(double value) => Literal(value, "double", value.ToString("G17", CultureInfo.InvariantCulture), "d");

        /// <summary>A float literal of the value rounded to float (G9 round-trips a float), culture-invariant.</summary>
        public static string Float(double value) =>
            Literal((float)value, "float", ((float)value).ToString("G9", CultureInfo.InvariantCulture), "f");

        private static string Literal(double value, string type, string digits, string suffix)
        {
            if (double.IsNaN(value)) return type + ".NaN";
            if (double.IsPositiveInfinity(value)) return type + ".PositiveInfinity";
            if (double.IsNegativeInfinity(value)) return type + ".NegativeInfinity";
            return (digits.IndexOf('.') >= 0 || digits.IndexOf('E') >= 0 ? digits : digits + ".0") + suffix;
        }
    }
}
