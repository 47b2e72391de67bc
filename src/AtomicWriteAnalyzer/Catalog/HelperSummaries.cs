using System;
using System.Collections.Generic;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Catalog
{
    /// <summary>
    /// Summarizes a helper method declared in another type of the compilation (<c>SerializeToFile(string filePath, T value)</c>)
    /// from its own declaration syntax only: no semantic model of another tree (RS1030). Recognizes the catalog's
    /// direct shapes — <c>File.WriteAll*(p, ...)</c>, <c>File.Create/CreateText/OpenWrite(p)</c>,
    /// <c>File.Open(p, FileMode.Create...)</c>, <c>new FileStream(p, FileMode.Create...)</c>, <c>new StreamWriter(p)</c> —
    /// where <c>p</c> is a path parameter never reassigned and never renamed (a hand-rolled replace is not in place).
    /// Bounded (<see cref="MaxNodes"/>), cached per method for the compilation. Anything else summarizes as
    /// <see cref="HelperSummary.None"/>: a miss, never a false report.
    /// </summary>
    internal static class HelperSummaries
    {
        private const int MaxNodes = 3000;
        private const string FileType = "System.IO.File";

        private static readonly HashSet<string> SerializeNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "Serialize", "SerializeAsync", "SerializeObject", "WriteObject", "Save",
        };

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
                || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, context.Compilation.Assembly)
                || !HasPathParameter(method))
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

        private static bool HasPathParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType == SpecialType.System_String && PathLikeNames.IsPathLike(parameter.Name))
                {
                    return true;
                }
            }

            return false;
        }

        private static HelperSummary Summarize(IMethodSymbol method)
        {
            if (method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.Length != 1)
            {
                return HelperSummary.None;
            }

            var parameters = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType == SpecialType.System_String && parameter.RefKind == RefKind.None && PathLikeNames.IsPathLike(parameter.Name))
                {
                    parameters[parameter.Name] = parameter.Ordinal;
                }
            }

            SyntaxNode? body = method.DeclaringSyntaxReferences[0].GetSyntax() switch
            {
                BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                _ => null,
            };
            if (parameters.Count == 0 || body == null)
            {
                return HelperSummary.None;
            }

            var scan = new BodyScan(parameters);
            return scan.Run(body) && scan.Written != null && !scan.Excluded.Contains(scan.Written)
                ? new HelperSummary(parameters[scan.Written], scan.Api, scan.Serializes)
                : HelperSummary.None;
        }

        /// <summary>One pass over a helper's body: the first in-place write of a path parameter, and what rules it out.</summary>
        private sealed class BodyScan
        {
            private readonly Dictionary<string, int> _parameters;

            public BodyScan(Dictionary<string, int> parameters)
            {
                _parameters = parameters;
            }

            /// <summary>Parameters reassigned, or used as the source of a rename or copy: not written in place here.</summary>
            public HashSet<string> Excluded { get; } = new HashSet<string>(StringComparer.Ordinal);

            public string? Written { get; private set; }

            public string Api { get; private set; } = "";

            public bool Serializes { get; private set; }

            /// <summary>False when the body is too large to scan (<see cref="MaxNodes"/>).</summary>
            public bool Run(SyntaxNode body)
            {
                int nodes = 0;
                foreach (var node in body.DescendantNodes())
                {
                    if (++nodes > MaxNodes)
                    {
                        return false;
                    }

                    switch (node)
                    {
                        case AssignmentExpressionSyntax assignment when assignment.Left is IdentifierNameSyntax assigned:
                            if (!IsNormalization(assignment, assigned.Identifier.ValueText))
                            {
                                Excluded.Add(assigned.Identifier.ValueText);
                            }

                            break;
                        case InvocationExpressionSyntax invocation:
                            Invocation(invocation);
                            break;
                        case ObjectCreationExpressionSyntax creation when Written == null && creation.ArgumentList != null:
                            Creation(creation, creation.ArgumentList);
                            break;
                    }
                }

                return true;
            }

            /// <summary>
            /// <c>path = Normalize(path)</c>, <c>path = Path.GetFullPath(path)</c>: the same file under a cleaned-up name,
            /// so the parameter still names what the caller passed.
            /// </summary>
            private static bool IsNormalization(AssignmentExpressionSyntax assignment, string name)
            {
                if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || !(assignment.Right is InvocationExpressionSyntax call))
                {
                    return false;
                }

                foreach (var argument in call.ArgumentList.Arguments)
                {
                    if (argument.Expression is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
                    {
                        return true;
                    }
                }

                return false;
            }

            private void Invocation(InvocationExpressionSyntax invocation)
            {
                string name = InvokedName(invocation.Expression);
                if (SerializeNames.Contains(name))
                {
                    Serializes = true;
                }

                foreach (var entry in ApiCatalog.ForMethod(name))
                {
                    if (entry.Role == ApiRole.Rename || entry.Shape == CallShape.Copy)
                    {
                        // The parameter is the temp (or source) of a replace or copy: not written in place here.
                        AddIdentifiers(invocation.ArgumentList, Excluded);
                        break;
                    }
                }

                if (Written != null || !ReceiverIsFile(invocation.Expression) || !(FirstArgument(invocation.ArgumentList) is string target) || !_parameters.ContainsKey(target))
                {
                    return;
                }

                foreach (var entry in ApiCatalog.ForMethod(name))
                {
                    bool inPlace = entry.TypeMetadataName == FileType
                        && ((entry.Role == ApiRole.Overwrite && entry.Rule == ArgumentRule.None)
                            || (entry.Role == ApiRole.OpenByMode && HasTruncatingMode(invocation.ArgumentList)));
                    if (inPlace)
                    {
                        Written = target;
                        Api = entry.Display;
                        return;
                    }
                }
            }

            private void Creation(ObjectCreationExpressionSyntax creation, ArgumentListSyntax arguments)
            {
                if (!(FirstArgument(arguments) is string created) || !_parameters.ContainsKey(created))
                {
                    return;
                }

                foreach (var entry in ApiCatalog.ForConstructor(LastIdentifier(creation.Type)))
                {
                    bool inPlace = (entry.Role == ApiRole.OpenByMode && HasTruncatingMode(arguments))
                        || (entry.Role == ApiRole.Overwrite && entry.Rule == ArgumentRule.Append && !Appends(arguments));
                    if (inPlace)
                    {
                        Written = created;
                        Api = entry.Display;
                        return;
                    }
                }
            }
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
