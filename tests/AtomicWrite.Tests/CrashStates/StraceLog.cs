using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace AtomicWrite.Tests.CrashStates
{
    /// <summary>One completed system call of an 'strace -f -y' log: its name, raw arguments and result.</summary>
    public sealed class Syscall
    {
        public Syscall(int line, string name, IReadOnlyList<string> arguments, long result, string? resultPath)
        {
            Line = line;
            Name = name;
            Arguments = arguments;
            Result = result;
            ResultPath = resultPath;
        }

        public int Line { get; }

        public string Name { get; }

        public IReadOnlyList<string> Arguments { get; }

        public long Result { get; }

        /// <summary>The path strace -y printed after a returned descriptor.</summary>
        public string? ResultPath { get; }

        public string Arg(int index) => Arguments[index];

        /// <summary>The call as the report shows it: each argument cut to 80 characters (a write's data can be 70 KiB).</summary>
        public override string ToString()
        {
            var shown = new List<string>(Arguments.Count);
            foreach (var argument in Arguments)
            {
                shown.Add(argument.Length > 80 ? argument.Substring(0, 80) + "..." : argument);
            }

            return Name + "(" + string.Join(", ", shown) + ") = " + Result.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Reads the log: joins calls split by other threads ("unfinished" / "resumed"), splits arguments at
    /// top-level commas and decodes strace's C-style strings.</summary>
    public static class StraceLog
    {
        public static List<Syscall> Parse(string path)
        {
            var calls = new List<Syscall>();
            var pending = new Dictionary<string, string>(StringComparer.Ordinal);
            var number = 0;
            foreach (var raw in File.ReadLines(path))
            {
                number++;
                var space = raw.IndexOf(' ');
                if (space < 0)
                {
                    continue;
                }

                var pid = raw.Substring(0, space);
                var text = raw.Substring(space + 1).TrimStart();
                if (text.EndsWith("<unfinished ...>", StringComparison.Ordinal))
                {
                    pending[pid] = text.Substring(0, text.Length - "<unfinished ...>".Length).TrimEnd();
                    continue;
                }

                if (text.StartsWith("<... ", StringComparison.Ordinal))
                {
                    var resumed = text.IndexOf("resumed>", StringComparison.Ordinal);
                    if (resumed < 0 || !pending.TryGetValue(pid, out var start))
                    {
                        continue;
                    }

                    pending.Remove(pid);
                    var rest = text.Substring(resumed + "resumed>".Length);
                    text = start + (start.EndsWith("(", StringComparison.Ordinal) || rest.StartsWith(")", StringComparison.Ordinal) || rest.StartsWith(",", StringComparison.Ordinal) ? string.Empty : ", ") + rest.TrimStart();
                }

                var call = ParseCall(number, text);
                if (call != null)
                {
                    calls.Add(call);
                }
            }

            return calls;
        }

        public static Syscall? ParseCall(int line, string text)
        {
            var open = text.IndexOf('(');
            if (open <= 0 || text.StartsWith("+++", StringComparison.Ordinal) || text.StartsWith("---", StringComparison.Ordinal))
            {
                return null;
            }

            var name = text.Substring(0, open);
            var arguments = new List<string>();
            var depth = 0;
            var inString = false;
            var start = open + 1;
            var i = open + 1;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (inString)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                    }

                    continue;
                }

                if (c == '"')
                {
                    inString = true;
                }
                else if (c is '(' or '[' or '{' or '<')
                {
                    depth++;
                }
                else if (c is ']' or '}' or '>')
                {
                    depth--;
                }
                else if (c == ')')
                {
                    if (depth == 0)
                    {
                        break;
                    }

                    depth--;
                }
                else if (c == ',' && depth == 0)
                {
                    arguments.Add(text.Substring(start, i - start).Trim());
                    start = i + 1;
                }
            }

            if (i >= text.Length)
            {
                return null;
            }

            var last = text.Substring(start, i - start).Trim();
            if (last.Length > 0)
            {
                arguments.Add(last);
            }

            var equals = text.IndexOf(" = ", i, StringComparison.Ordinal);
            if (equals < 0)
            {
                return null;
            }

            var result = text.Substring(equals + 3).Trim();
            var end = 0;
            while (end < result.Length && (char.IsDigit(result[end]) || (end == 0 && result[end] == '-')))
            {
                end++;
            }

            if (end == 0 || !long.TryParse(result.Substring(0, end), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            string? resultPath = null;
            if (end < result.Length && result[end] == '<')
            {
                var close = result.LastIndexOf('>');
                resultPath = Unescape(result.Substring(end + 1, close - end - 1));
            }

            return new Syscall(line, name, arguments, value, resultPath);
        }

        /// <summary>The descriptor number of "5&lt;/path&gt;" (AT_FDCWD is -100).</summary>
        public static int Fd(string argument)
        {
            if (argument.StartsWith("AT_FDCWD", StringComparison.Ordinal))
            {
                return -100;
            }

            var end = 0;
            while (end < argument.Length && (char.IsDigit(argument[end]) || argument[end] == '-'))
            {
                end++;
            }

            return int.Parse(argument.Substring(0, end), CultureInfo.InvariantCulture);
        }

        /// <summary>The path strace -y printed for a descriptor argument, or null.</summary>
        public static string? FdPath(string argument)
        {
            var open = argument.IndexOf('<');
            return open < 0 ? null : Unescape(argument.Substring(open + 1, argument.LastIndexOf('>') - open - 1));
        }

        public static long Number(string argument)
        {
            var text = argument.Trim();
            if (text.StartsWith("[", StringComparison.Ordinal))
            {
                text = text.Trim('[', ']');
            }

            return text.StartsWith("0", StringComparison.Ordinal) && text.Length > 1 && !text.StartsWith("0x", StringComparison.Ordinal)
                ? Convert.ToInt64(text, 8)
                : text.StartsWith("0x", StringComparison.Ordinal) ? Convert.ToInt64(text.Substring(2), 16) : long.Parse(text, CultureInfo.InvariantCulture);
        }

        /// <summary>The bytes of a quoted strace string ("..." with C escapes).</summary>
        public static byte[] Bytes(string argument)
        {
            var first = argument.IndexOf('"');
            var last = argument.LastIndexOf('"');
            if (first < 0 || last <= first)
            {
                throw new FormatException("not a string: " + argument);
            }

            var output = new List<byte>(last - first);
            for (var i = first + 1; i < last; i++)
            {
                var c = argument[i];
                if (c != '\\')
                {
                    output.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                    continue;
                }

                var e = argument[++i];
                switch (e)
                {
                    case 'n': output.Add(10); break;
                    case 't': output.Add(9); break;
                    case 'r': output.Add(13); break;
                    case 'v': output.Add(11); break;
                    case 'f': output.Add(12); break;
                    case 'x':
                        output.Add(Convert.ToByte(argument.Substring(i + 1, 2), 16));
                        i += 2;
                        break;
                    case >= '0' and <= '7':
                        var digits = 1;
                        while (digits < 3 && argument[i + digits] is >= '0' and <= '7')
                        {
                            digits++;
                        }

                        output.Add(Convert.ToByte(argument.Substring(i, digits), 8));
                        i += digits - 1;
                        break;
                    default: output.Add((byte)e); break;
                }
            }

            return output.ToArray();
        }

        public static string Text(string argument) => Encoding.UTF8.GetString(Bytes(argument));

        private static string Unescape(string path) => path.Contains('\\', StringComparison.Ordinal) ? Encoding.UTF8.GetString(Bytes("\"" + path + "\"")) : path;
    }
}
