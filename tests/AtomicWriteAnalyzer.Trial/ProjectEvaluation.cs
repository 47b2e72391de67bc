using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AtomicWriteAnalyzer.Trial
{
    /// <summary>
    /// A small MSBuild evaluation of a project file and the <c>Directory.Build.*</c> files above it: properties in file
    /// order, then the items the trial needs, each kept only when its condition (its own, its group's, a
    /// <c>Choose</c>/<c>When</c>) holds. A repository that adds a test framework under
    /// <c>Condition="'$(TestProject)'=='true'"</c> must not make every project test code. Conditions this evaluator
    /// cannot decide (static property functions, item references) count as true: the item is kept, as the trial did
    /// before it evaluated anything.
    /// </summary>
    internal sealed class ProjectEvaluation
    {
        private static readonly Regex PropertyReference = new(@"\$\((?<name>[A-Za-z_][A-Za-z0-9_\-]*)(?<call>(\.[A-Za-z]+\((?:'[^']*'(?:\s*,\s*'[^']*')*)?\))*)\)", RegexOptions.Compiled);
        private static readonly Regex MethodCall = new(@"\.(?<method>[A-Za-z]+)\((?<args>(?:'[^']*'(?:\s*,\s*'[^']*')*)?)\)", RegexOptions.Compiled);

        private readonly Dictionary<string, string> _properties = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<(string Type, string Include)> _items = new();

        private ProjectEvaluation(string projectFile)
        {
            _properties["MSBuildProjectName"] = Path.GetFileNameWithoutExtension(projectFile);
            _properties["MSBuildProjectDirectory"] = Path.GetDirectoryName(projectFile)!;
            _properties["Configuration"] = "Release";
            // The applications in the trial are built on Windows; their Windows-only branches are the ones that ship.
            _properties["OS"] = "Windows_NT";
        }

        public IReadOnlyDictionary<string, string> Properties => _properties;

        /// <summary>Evaluates <paramref name="files"/> in import order (outermost first, the project file last).</summary>
        public static ProjectEvaluation Evaluate(string projectFile, IReadOnlyList<string> files)
        {
            var evaluation = new ProjectEvaluation(projectFile);
            var documents = new List<(string File, XElement Root)>();
            foreach (var file in files)
            {
                try
                {
                    documents.Add((file, XDocument.Load(file).Root!));
                }
                catch (System.Xml.XmlException)
                {
                    // A file MSBuild itself could not read: the build would fail; the trial skips it.
                }
            }

            // MSBuild's pass 1 (properties) sees every file before pass 2 (items) evaluates any item condition.
            foreach (var (file, root) in documents)
            {
                evaluation._properties["MSBuildThisFileDirectory"] = Path.GetDirectoryName(file)! + Path.DirectorySeparatorChar;
                evaluation.Walk(root, properties: true);
            }

            foreach (var (_, root) in documents)
            {
                evaluation.Walk(root, properties: false);
            }

            return evaluation;
        }

        public IEnumerable<string> Items(string type) =>
            _items.Where(i => string.Equals(i.Type, type, StringComparison.OrdinalIgnoreCase))
                .Select(i => i.Include)
                .Distinct(StringComparer.OrdinalIgnoreCase);

        public bool IsTrue(string property) =>
            _properties.TryGetValue(property, out var value) && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        private void Walk(XElement container, bool properties)
        {
            foreach (var element in container.Elements())
            {
                switch (element.Name.LocalName)
                {
                    case "PropertyGroup" when properties && Holds(element):
                        foreach (var property in element.Elements().Where(Holds))
                        {
                            _properties[property.Name.LocalName] = Expand(property.Value);
                        }

                        break;
                    case "ItemGroup" when !properties && Holds(element):
                        foreach (var item in element.Elements().Where(Holds))
                        {
                            var include = (string?)item.Attribute("Include");
                            if (include != null)
                            {
                                _items.Add((item.Name.LocalName, Expand(include)));
                            }
                        }

                        break;
                    case "Choose":
                        var chosen = element.Elements().FirstOrDefault(e => e.Name.LocalName == "When" && Condition((string?)e.Attribute("Condition")) != false)
                            ?? element.Elements().FirstOrDefault(e => e.Name.LocalName == "Otherwise");
                        if (chosen != null)
                        {
                            Walk(chosen, properties);
                        }

                        break;
                }
            }
        }

        private bool Holds(XElement element) => Condition((string?)element.Attribute("Condition")) != false;

        /// <summary>True, false, or null when the condition uses something this evaluator does not model.</summary>
        internal bool? Condition(string? condition)
        {
            if (string.IsNullOrWhiteSpace(condition))
            {
                return true;
            }

            try
            {
                var parser = new ConditionParser(condition, this);
                var result = parser.Or();
                return parser.AtEnd ? result : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>Expands <c>$(Name)</c> and string methods on it; null when something cannot be expanded.</summary>
        internal string? TryExpand(string text)
        {
            if (text.Contains("$([", StringComparison.Ordinal) || text.Contains("@(", StringComparison.Ordinal) || text.Contains("%(", StringComparison.Ordinal))
            {
                return null;
            }

            var unknown = false;
            var expanded = PropertyReference.Replace(text, match =>
            {
                var value = _properties.TryGetValue(match.Groups["name"].Value, out var found) ? found : string.Empty;
                foreach (Match call in MethodCall.Matches(match.Groups["call"].Value))
                {
                    var args = Regex.Matches(call.Groups["args"].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToArray();
                    string? next = (call.Groups["method"].Value, args.Length) switch
                    {
                        ("StartsWith", 1) => value.StartsWith(args[0], StringComparison.Ordinal).ToString(),
                        ("EndsWith", 1) => value.EndsWith(args[0], StringComparison.Ordinal).ToString(),
                        ("Contains", 1) => value.Contains(args[0], StringComparison.Ordinal).ToString(),
                        ("Replace", 2) => value.Replace(args[0], args[1], StringComparison.Ordinal),
                        ("ToLower", 0) or ("ToLowerInvariant", 0) => value.ToLowerInvariant(),
                        ("ToUpper", 0) or ("ToUpperInvariant", 0) => value.ToUpperInvariant(),
                        ("Trim", 0) => value.Trim(),
                        _ => null,
                    };
                    if (next == null)
                    {
                        unknown = true;
                        return match.Value;
                    }

                    value = next;
                }

                return value;
            });
            return unknown || expanded.Contains("$(", StringComparison.Ordinal) ? null : expanded;
        }

        private string Expand(string text) => TryExpand(text) ?? text;

        /// <summary>Recursive descent over MSBuild's condition grammar: or, and, !, ( ), ==, !=, Exists(), bare values.</summary>
        private sealed class ConditionParser
        {
            private readonly string _text;
            private readonly ProjectEvaluation _evaluation;
            private int _position;

            public ConditionParser(string text, ProjectEvaluation evaluation)
            {
                _text = text;
                _evaluation = evaluation;
            }

            public bool AtEnd
            {
                get
                {
                    SkipSpace();
                    return _position == _text.Length;
                }
            }

            public bool? Or()
            {
                var left = And();
                while (Keyword("or"))
                {
                    var right = And();
                    left = left == true || right == true ? true : left == null || right == null ? null : false;
                }

                return left;
            }

            private bool? And()
            {
                var left = Unary();
                while (Keyword("and"))
                {
                    var right = Unary();
                    left = left == false || right == false ? false : left == null || right == null ? null : true;
                }

                return left;
            }

            private bool? Unary()
            {
                SkipSpace();
                if (Peek('!') && !PeekAt(1, '='))
                {
                    _position++;
                    var inner = Unary();
                    return inner == null ? null : !inner;
                }

                if (Peek('('))
                {
                    _position++;
                    var inner = Or();
                    Expect(')');
                    return inner;
                }

                var left = Term(out var isFunction);
                SkipSpace();
                foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
                {
                    if (string.CompareOrdinal(_text, _position, op, 0, op.Length) == 0)
                    {
                        _position += op.Length;
                        var right = Term(out _);
                        if (left == null || right == null || op.Length == 1 || op is "<=" or ">=")
                        {
                            return null;
                        }

                        var equal = string.Equals(left.Trim(), right.Trim(), StringComparison.OrdinalIgnoreCase);
                        return op == "==" ? equal : !equal;
                    }
                }

                if (isFunction || left == null)
                {
                    return null;
                }

                return left.Trim().ToLowerInvariant() switch
                {
                    "true" => true,
                    "false" => false,
                    _ => null,
                };
            }

            /// <summary>A quoted string, a function call (undecided), or a bare token such as <c>$(X.EndsWith('y'))</c>.</summary>
            private string? Term(out bool isFunction)
            {
                isFunction = false;
                SkipSpace();
                if (Peek('\''))
                {
                    var end = _text.IndexOf('\'', _position + 1);
                    if (end < 0)
                    {
                        throw new FormatException("unterminated string");
                    }

                    var literal = _text.Substring(_position + 1, end - _position - 1);
                    _position = end + 1;
                    return _evaluation.TryExpand(literal);
                }

                var start = _position;
                var depth = 0;
                while (_position < _text.Length)
                {
                    var c = _text[_position];
                    if (c == '(')
                    {
                        depth++;
                    }
                    else if (c == ')')
                    {
                        if (depth == 0)
                        {
                            break;
                        }

                        depth--;
                    }
                    else if (c == '\'')
                    {
                        var end = _text.IndexOf('\'', _position + 1);
                        _position = end < 0 ? throw new FormatException("unterminated string") : end;
                    }
                    else if (depth == 0 && (char.IsWhiteSpace(c) || c is '=' or '!' or '<' or '>'))
                    {
                        break;
                    }

                    _position++;
                }

                var token = _text.Substring(start, _position - start);
                if (token.Length == 0)
                {
                    throw new FormatException("empty term");
                }

                if (!token.StartsWith("$", StringComparison.Ordinal) && token.Contains('(', StringComparison.Ordinal))
                {
                    isFunction = true; // Exists(...), HasTrailingSlash(...): file-system facts the trial does not model.
                    return null;
                }

                return _evaluation.TryExpand(token);
            }

            private bool Keyword(string word)
            {
                SkipSpace();
                if (_position + word.Length < _text.Length
                    && string.Compare(_text, _position, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && char.IsWhiteSpace(_text[_position + word.Length]))
                {
                    _position += word.Length;
                    return true;
                }

                return false;
            }

            private void Expect(char c)
            {
                SkipSpace();
                if (!Peek(c))
                {
                    throw new FormatException($"expected '{c}'");
                }

                _position++;
            }

            private bool Peek(char c) => _position < _text.Length && _text[_position] == c;

            private bool PeekAt(int offset, char c) => _position + offset < _text.Length && _text[_position + offset] == c;

            private void SkipSpace()
            {
                while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
                {
                    _position++;
                }
            }
        }
    }
}
