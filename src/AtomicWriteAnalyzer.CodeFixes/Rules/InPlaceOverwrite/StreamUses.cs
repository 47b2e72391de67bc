using System.Collections.Generic;
using System.Linq;
using AtomicWriteAnalyzer.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwrite
{
    /// <summary>
    /// The uses of a stream or writer local that finish within their statement, so that a commit placed after the
    /// last of them publishes exactly what the original wrote: its own writes and flushes (async ones awaited), a
    /// <c>StreamWriter</c>/<c>BinaryWriter</c> over it declared by a using, and serializer-style calls that take it
    /// and return (<c>JsonSerializer.Serialize(s, v)</c>, <c>await JsonSerializer.SerializeAsync(s, v)</c>,
    /// <c>serializer.Serialize(s, v)</c>, <c>document.Save(s)</c>, <c>source.CopyTo(s)</c>). Anything else (a read, a
    /// seek, a property, another wrapper, a use in a lambda or in error handling) means no fix.
    /// </summary>
    internal sealed class StreamUses
    {
        private static readonly HashSet<string> StreamMethods = new HashSet<string> { "Write", "WriteByte", "Flush", "WriteAsync", "FlushAsync" };
        private static readonly HashSet<string> WriterMethods = new HashSet<string> { "Write", "WriteLine", "Flush", "WriteAsync", "WriteLineAsync", "FlushAsync" };
        private static readonly HashSet<string> CallsThatFinish = new HashSet<string>
        {
            "Serialize", "SerializeAsync", "Save", "SaveAsync", "WriteObject", "WriteTo", "WriteToAsync", "CopyTo", "CopyToAsync",
        };

        private StreamUses(List<SyntaxNode> uses, VariableDeclaratorSyntax? wrapper)
        {
            Uses = uses;
            Wrapper = wrapper;
        }

        /// <summary>The references, each a use that finishes within its statement.</summary>
        public IReadOnlyList<SyntaxNode> Uses { get; }

        /// <summary>The using local declared as <c>new StreamWriter(stream)</c> / <c>new BinaryWriter(stream)</c>, if any.</summary>
        public VariableDeclaratorSyntax? Wrapper { get; }

        /// <summary>The uses of <paramref name="local"/> in its scope, or null when one of them rules the fix out.</summary>
        public static StreamUses? Collect(SemanticModel model, UsingScope scope, ILocalSymbol local, bool isWriter, bool allowWrapper, System.Threading.CancellationToken cancellationToken)
        {
            var uses = new List<SyntaxNode>();
            VariableDeclaratorSyntax? wrapper = null;
            foreach (var statement in scope.Statements)
            {
                var operation = model.GetOperation(statement, cancellationToken);
                if (operation == null)
                {
                    return null;
                }

                foreach (var reference in operation.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                {
                    if (!SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    {
                        continue;
                    }

                    if (!IsPlainFlow(reference.Syntax, scope))
                    {
                        return null;
                    }

                    var wrapped = WrapperDeclarator(reference, isWriter);
                    if (wrapped != null)
                    {
                        if (!allowWrapper || wrapper != null || !scope.Statements.Contains(UsingScope.Of(wrapped)?.Owner!))
                        {
                            return null;
                        }

                        wrapper = wrapped;
                    }
                    else if (!FinishesWithinStatement(reference, isWriter))
                    {
                        return null;
                    }

                    uses.Add(reference.Syntax);
                }
            }

            // A stream wrapped by a writer is written through the writer only: the writer disposes it.
            return wrapper != null && uses.Count != 1 ? null : new StreamUses(uses, wrapper);
        }

        /// <summary>Not inside a lambda or local function, a catch or finally clause, or a try block that catches (a caught failure would go on to the commit).</summary>
        private static bool IsPlainFlow(SyntaxNode reference, UsingScope scope)
        {
            foreach (var ancestor in scope.AncestorsWithin(reference))
            {
                if (ScopeExits.IsNestedFunction(ancestor) || ancestor is CatchClauseSyntax || ancestor is FinallyClauseSyntax
                    || (ancestor is TryStatementSyntax tryStatement && tryStatement.Catches.Count > 0))
                {
                    return false;
                }
            }

            return true;
        }

        private static VariableDeclaratorSyntax? WrapperDeclarator(ILocalReferenceOperation reference, bool isWriter)
        {
            if (isWriter || !(Consumer(reference).Parent is IArgumentOperation { Parent: IObjectCreationOperation creation } argument)
                || argument.Parameter == null || creation.Constructor == null)
            {
                return null;
            }

            var type = creation.Constructor.ContainingType;
            bool writerType = (type.Name == nameof(System.IO.StreamWriter) || type.Name == nameof(System.IO.BinaryWriter)) && type.ContainingNamespace?.ToDisplayString() == "System.IO";
            return writerType && creation.Syntax.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } && UsingScope.Of(declarator) != null
                ? declarator
                : null;
        }

        private static bool FinishesWithinStatement(ILocalReferenceOperation reference, bool isWriter)
        {
            var value = Consumer(reference);
            switch (value.Parent)
            {
                case IInvocationOperation invocation when invocation.Instance == value:
                    var method = invocation.TargetMethod;
                    return (isWriter ? WriterMethods : StreamMethods).Contains(method.Name)
                        && method.ContainingType?.ContainingNamespace?.ToDisplayString() == "System.IO"
                        && IsWholeStatement(invocation, requireAwait: method.Name.EndsWith("Async", System.StringComparison.Ordinal));
                case IArgumentOperation { Parent: IInvocationOperation call } argument:
                    var parameterType = argument.Parameter?.Type;
                    return CallsThatFinish.Contains(call.TargetMethod.Name)
                        && parameterType != null
                        && (parameterType.Name == nameof(System.IO.Stream) || parameterType.Name == nameof(System.IO.TextWriter) || parameterType.Name == nameof(System.IO.StreamWriter))
                        && parameterType.ContainingNamespace?.ToDisplayString() == "System.IO"
                        && IsWholeStatement(call, requireAwait: call.TargetMethod.Name.EndsWith("Async", System.StringComparison.Ordinal));
                default:
                    return false;
            }
        }

        private static IOperation Consumer(IOperation reference)
        {
            var value = reference;
            while (value.Parent is IConversionOperation conversion && conversion.Operand == value)
            {
                value = conversion;
            }

            return value;
        }

        /// <summary><c>call;</c>, or with <paramref name="requireAwait"/> <c>await call;</c> / <c>await call.ConfigureAwait(x);</c>.</summary>
        private static bool IsWholeStatement(IInvocationOperation invocation, bool requireAwait)
        {
            SyntaxNode node = invocation.Syntax;
            if (node.Parent is MemberAccessExpressionSyntax { Name: { Identifier: { ValueText: "ConfigureAwait" } } } configure
                && configure.Parent is InvocationExpressionSyntax configured)
            {
                node = configured;
            }

            bool awaited = node.Parent is AwaitExpressionSyntax;
            if (awaited)
            {
                node = node.Parent!;
            }

            return node.Parent is ExpressionStatementSyntax && (awaited || (!requireAwait && node == invocation.Syntax));
        }
    }
}
