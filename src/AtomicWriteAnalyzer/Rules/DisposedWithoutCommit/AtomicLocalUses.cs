using System.Collections.Generic;
using System.Linq;
using AtomicWriteAnalyzer.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Rules.DisposedWithoutCommit
{
    /// <summary>How the code uses an <c>AtomicFileStream</c>/<c>AtomicStreamWriter</c> local, as far as a commit is concerned.</summary>
    internal enum AtomicUse
    {
        /// <summary>Cannot commit: its own writes and flushes, properties, or an argument to a library that never heard of Commit.</summary>
        Neutral,

        /// <summary><c>Commit()</c> or <c>CommitAsync()</c> on the local.</summary>
        Commit,

        /// <summary>
        /// Anything that could commit where we cannot see it, or dispose on purpose: returned, stored, captured by a
        /// lambda, passed to the user's own method, disposed explicitly. The rule stays quiet.
        /// </summary>
        Escape,
    }

    /// <summary>Classifies every reference to one atomic local inside the function that declares it.</summary>
    internal static class AtomicLocalUses
    {
        public const string AtomicNamespace = "AtomicWrite";
        public static readonly string[] AtomicTypeNames = { "AtomicFileStream", "AtomicStreamWriter" };

        /// <summary>Whether the type is the runtime's <c>AtomicFileStream</c> or <c>AtomicStreamWriter</c> (by name: the analyzer never references the runtime).</summary>
        public static bool IsAtomicType(ITypeSymbol? type) =>
            type != null && AtomicTypeNames.Contains(type.Name) && OperationHelpers.NamespaceIs(type.ContainingNamespace, AtomicNamespace);

        /// <summary>The references to <paramref name="local"/> under <paramref name="root"/>, each with what it does.</summary>
        public static IEnumerable<(ILocalReferenceOperation Reference, AtomicUse Use)> Classify(IOperation root, ILocalSymbol local)
        {
            foreach (var reference in BodyIndex.Of(root).ReferencesTo(local))
            {
                if (root.Syntax.Span.Contains(reference.Syntax.Span))
                {
                    yield return (reference, Classify(reference, root));
                }
            }
        }

        private static AtomicUse Classify(ILocalReferenceOperation reference, IOperation function)
        {
            if (IsInNestedFunction(reference, function))
            {
                return AtomicUse.Escape;
            }

            IOperation value = reference;
            while (value.Parent is IConversionOperation conversion && conversion.Operand == value)
            {
                value = conversion;
            }

            switch (value.Parent)
            {
                case IInvocationOperation invocation when invocation.Instance == value:
                    return ClassifyMember(invocation.TargetMethod);
                case IPropertyReferenceOperation property when property.Instance == value:
                    return AtomicUse.Neutral;
                case IConditionalAccessOperation conditional when conditional.Operation == value:
                    return conditional.WhenNotNull is IInvocationOperation whenNotNull ? ClassifyMember(whenNotNull.TargetMethod) : AtomicUse.Neutral;
                case IArgumentOperation argument:
                    return IsLibraryParameter(argument.Parameter) ? AtomicUse.Neutral : AtomicUse.Escape;
                default:
                    return AtomicUse.Escape;
            }
        }

        private static AtomicUse ClassifyMember(IMethodSymbol method)
        {
            switch (method.Name)
            {
                case "Commit":
                case "CommitAsync":
                    return IsAtomicType(method.ContainingType) ? AtomicUse.Commit : AtomicUse.Escape;
                case "Dispose":
                case "DisposeAsync":
                case "Close":
                    // An explicit dispose is a deliberate discard (or a lifetime we do not follow).
                    return AtomicUse.Escape;
                default:
                    // Extension methods come as static calls with the local as an argument; an instance member is the
                    // runtime's own (Write, Flush, WriteAsync, ...), which never commits.
                    return method.IsExtensionMethod ? AtomicUse.Escape : AtomicUse.Neutral;
            }
        }

        /// <summary>
        /// A library method taking a <c>Stream</c> or a writer (JsonSerializer.Serialize, XDocument.Save, new
        /// StreamWriter(stream)) cannot call Commit: it has never heard of it. The user's own methods might.
        /// </summary>
        private static bool IsLibraryParameter(IParameterSymbol? parameter)
        {
            if (parameter == null || !(parameter.ContainingSymbol is IMethodSymbol method) || method.ContainingType == null)
            {
                return false;
            }

            var type = parameter.Type;
            bool streamOrWriter = (type.Name == nameof(System.IO.Stream) || type.Name == nameof(System.IO.TextWriter) || type.Name == nameof(System.IO.StreamWriter) || type.Name == nameof(System.IO.BinaryWriter))
                && OperationHelpers.NamespaceIs(type.ContainingNamespace, "System.IO");
            var ns = method.ContainingType.ContainingNamespace;
            bool library = OperationHelpers.NamespaceStartsWith(ns, "System")
                || OperationHelpers.NamespaceStartsWith(ns, "Microsoft")
                || OperationHelpers.NamespaceStartsWith(ns, "Newtonsoft");
            return streamOrWriter && library;
        }

        private static bool IsInNestedFunction(IOperation operation, IOperation function)
        {
            for (var current = operation.Parent; current != null && current != function; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
