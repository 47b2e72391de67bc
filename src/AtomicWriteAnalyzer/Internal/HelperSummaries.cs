using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Internal
{
    /// <summary>What a source helper method does with a path parameter: overwrite it in place, and with which API.</summary>
    internal sealed class HelperSummary
    {
        public static readonly HelperSummary None = new HelperSummary(-1, "", "", serializes: false);

        public HelperSummary(int parameterOrdinal, string api, string shape, bool serializes)
        {
            ParameterOrdinal = parameterOrdinal;
            Api = api;
            Shape = shape;
            Serializes = serializes;
        }

        /// <summary>The parameter whose file the helper overwrites in place, or -1.</summary>
        public int ParameterOrdinal { get; }

        public bool WritesInPlace => ParameterOrdinal >= 0;

        /// <summary>The API the helper uses (<c>File.Create</c>).</summary>
        public string Api { get; }

        /// <summary>The catalog shape of that API.</summary>
        public string Shape { get; }

        /// <summary>The helper's body calls a serializer.</summary>
        public bool Serializes { get; }
    }

    /// <summary>
    /// Summarizes a helper method declared in another type of the compilation (<c>SerializeToFile(string filePath, T value)</c>)
    /// from its own declaration syntax only: no semantic model of another tree (RS1030). Recognizes the direct shapes —
    /// <c>File.WriteAll*(p, ...)</c>, <c>File.Create/CreateText/OpenWrite(p)</c>, <c>File.Open(p, FileMode.Create...)</c>,
    /// <c>new FileStream(p, FileMode.Create...)</c>, <c>new StreamWriter(p)</c> — where <c>p</c> is a path parameter never
    /// reassigned and never renamed (a hand-rolled replace is not in place). Bounded (<see cref="MaxNodes"/>), cached per
    /// method for the compilation. Anything else summarizes as <see cref="HelperSummary.None"/>: a miss, never a false report.
    /// </summary>
    internal static class HelperSummaries
    {
        private const int MaxNodes = 3000;

        private static readonly HashSet<string> WriteAllNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "WriteAllText", "WriteAllTextAsync", "WriteAllBytes", "WriteAllBytesAsync", "WriteAllLines", "WriteAllLinesAsync",
        };

        private static readonly HashSet<string> SerializeNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "Serialize", "SerializeAsync", "SerializeObject", "WriteObject", "Save",
        };

        /// <summary>Whether a parameter name says it holds a path (<c>path</c>, <c>filePath</c>, <c>fileName</c>, <c>settingsFile</c>).</summary>
        public static bool IsPathLikeName(string name)
        {
            // Runs for every call to a method of the compilation: a substring test first, the word split only on a hit.
            if (name.IndexOf("ath", StringComparison.OrdinalIgnoreCase) < 0 && name.IndexOf("ile", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return false;
            }

            foreach (string word in WordSplitter.Split(name))
            {
                if (word == "path" || word == "file" || word == "filename" || word == "filepath")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether an invocation calls a possible helper: a method of this compilation with a path-like string parameter.
        /// <paramref name="summary"/> is null for a method of <paramref name="sameType"/> (its writes are judged with the
        /// type's own calls), else the callee's summary, and the call counts only if it writes in place.
        /// </summary>
        public static bool IsHelperCall(IInvocationOperation invocation, INamedTypeSymbol sameType, AnalyzerCompilationContext context, out HelperSummary? summary)
        {
            summary = null;
            var method = invocation.TargetMethod;
            // Most calls go to metadata (LINQ, string, Task): a type test on the assembly rejects them before any
            // symbol comparison.
            if (method == null || method.MethodKind != MethodKind.Ordinary || !(method.ContainingAssembly is ISourceAssemblySymbol)
                || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, context.Compilation.Assembly))
            {
                return false;
            }

            bool hasPathParameter = false;
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType == SpecialType.System_String && IsPathLikeName(parameter.Name))
                {
                    hasPathParameter = true;
                    break;
                }
            }

            if (!hasPathParameter)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, sameType.OriginalDefinition))
            {
                return true;
            }

            summary = Get(method, context);
            return summary.WritesInPlace;
        }

        public static HelperSummary Get(IMethodSymbol method, AnalyzerCompilationContext context) =>
            context.HelperSummaries.GetOrAdd(method.OriginalDefinition, Summarize);

        private static HelperSummary Summarize(IMethodSymbol method)
        {
            if (method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.Length != 1)
            {
                return HelperSummary.None;
            }

            var parameters = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType == SpecialType.System_String && parameter.RefKind == RefKind.None && IsPathLikeName(parameter.Name))
                {
                    parameters[parameter.Name] = parameter.Ordinal;
                }
            }

            if (parameters.Count == 0)
            {
                return HelperSummary.None;
            }

            SyntaxNode? body = method.DeclaringSyntaxReferences[0].GetSyntax() switch
            {
                BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                _ => null,
            };
            if (body == null)
            {
                return HelperSummary.None;
            }

            var excluded = new HashSet<string>(StringComparer.Ordinal);
            string? written = null;
            string api = "";
            string shape = "";
            bool serializes = false;
            int nodes = 0;
            foreach (var node in body.DescendantNodes())
            {
                if (++nodes > MaxNodes)
                {
                    return HelperSummary.None;
                }

                switch (node)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Left is IdentifierNameSyntax assigned:
                        excluded.Add(assigned.Identifier.ValueText);
                        break;
                    case InvocationExpressionSyntax invocation:
                        string name = InvokedName(invocation.Expression);
                        if (SerializeNames.Contains(name))
                        {
                            serializes = true;
                        }

                        if (name == "Move" || name == "Replace" || name == "MoveTo" || name == "Copy")
                        {
                            // The parameter is the temp (or source) of a replace or copy: not written in place here.
                            AddIdentifiers(invocation.ArgumentList, excluded);
                        }

                        if (written == null && ReceiverIsFile(invocation.Expression) && FirstArgument(invocation.ArgumentList) is string target
                            && parameters.ContainsKey(target) && WritesInPlace(name, invocation.ArgumentList, out shape))
                        {
                            written = target;
                            api = "File." + name;
                        }

                        break;
                    case ObjectCreationExpressionSyntax creation when written == null && creation.ArgumentList != null:
                        string typeName = LastIdentifier(creation.Type);
                        if (FirstArgument(creation.ArgumentList) is string created && parameters.ContainsKey(created))
                        {
                            if (typeName == "FileStream" && HasTruncatingMode(creation.ArgumentList))
                            {
                                written = created;
                                api = "new FileStream";
                                shape = "FileStream";
                            }
                            else if (typeName == "StreamWriter" && !Appends(creation.ArgumentList))
                            {
                                written = created;
                                api = "new StreamWriter";
                                shape = "StreamWriter";
                            }
                        }

                        break;
                }
            }

            if (written == null || excluded.Contains(written))
            {
                return HelperSummary.None;
            }

            return new HelperSummary(parameters[written], api, shape, serializes);
        }

        private static bool WritesInPlace(string name, ArgumentListSyntax arguments, out string shape)
        {
            shape = name switch
            {
                "Create" => "FileCreate",
                "CreateText" => "FileCreateText",
                "OpenWrite" => "FileOpenWrite",
                "Open" => "FileOpen",
                _ => name,
            };

            if (WriteAllNames.Contains(name) || name == "Create" || name == "CreateText" || name == "OpenWrite")
            {
                return true;
            }

            return name == "Open" && HasTruncatingMode(arguments);
        }

        private static bool HasTruncatingMode(ArgumentListSyntax arguments)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.Expression is MemberAccessExpressionSyntax access && LastIdentifier(access.Expression) == "FileMode")
                {
                    string mode = access.Name.Identifier.ValueText;
                    // OpenOrCreate writes in place only with write access; without a FileAccess argument it gets ReadWrite.
                    return mode == "Create" || mode == "Truncate" || (mode == "OpenOrCreate" && !ReadOnlyAccess(arguments));
                }
            }

            return false;
        }

        private static bool ReadOnlyAccess(ArgumentListSyntax arguments)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.Expression is MemberAccessExpressionSyntax access && LastIdentifier(access.Expression) == "FileAccess")
                {
                    return access.Name.Identifier.ValueText == "Read";
                }
            }

            return false;
        }

        private static bool Appends(ArgumentListSyntax arguments)
        {
            if (arguments.Arguments.Count < 2)
            {
                return false;
            }

            // new StreamWriter(path, false) writes in place; true, a variable or a FileStreamOptions: not recognized as in place.
            return !arguments.Arguments[1].Expression.IsKind(SyntaxKind.FalseLiteralExpression);
        }

        private static string InvokedName(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => "",
        };

        /// <summary><c>File.X(...)</c>, <c>System.IO.File.X(...)</c>, <c>fileSystem.File.X(...)</c>.</summary>
        private static bool ReceiverIsFile(ExpressionSyntax expression) =>
            expression is MemberAccessExpressionSyntax access && LastIdentifier(access.Expression) == "File";

        private static string LastIdentifier(SyntaxNode? node) => node switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => "",
        };

        private static string? FirstArgument(ArgumentListSyntax? arguments) =>
            arguments != null && arguments.Arguments.Count > 0 && arguments.Arguments[0].Expression is IdentifierNameSyntax identifier
                ? identifier.Identifier.ValueText
                : null;

        private static void AddIdentifiers(ArgumentListSyntax arguments, HashSet<string> names)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.Expression is IdentifierNameSyntax identifier)
                {
                    names.Add(identifier.Identifier.ValueText);
                }
            }
        }
    }
}
