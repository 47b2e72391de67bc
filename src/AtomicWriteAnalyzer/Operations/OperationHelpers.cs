using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Operations
{
    /// <summary>
    /// Null-safe access to operations. Half-typed code gives missing arguments, error types and invalid
    /// operations; every helper here answers "don't know" (null) instead of throwing.
    /// </summary>
    internal static class OperationHelpers
    {
        public static ImmutableArray<IArgumentOperation> Arguments(IOperation? operation) => operation switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };

        public static IMethodSymbol? TargetMethod(IOperation? operation) => operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation creation => creation.Constructor,
            _ => null,
        };

        /// <summary>The value passed for the parameter of that name (defaults and params included), or null.</summary>
        public static IOperation? ArgumentValue(IOperation? operation, string parameterName)
        {
            foreach (var argument in Arguments(operation))
            {
                if (argument?.Parameter?.Name == parameterName)
                {
                    return Unwrap(argument.Value);
                }
            }

            return null;
        }

        /// <summary>The value passed for the first parameter whose type has that simple name and namespace.</summary>
        public static IArgumentOperation? ArgumentOfType(IOperation? operation, string typeNamespace, string typeName)
        {
            foreach (var argument in Arguments(operation))
            {
                var type = argument?.Parameter?.Type;
                if (type != null && type.Name == typeName && NamespaceIs(type.ContainingNamespace, typeNamespace))
                {
                    return argument;
                }
            }

            return null;
        }

        /// <summary>Whether the argument was written in code (not a default value filled in by the compiler).</summary>
        public static bool IsExplicit(IArgumentOperation? argument) => argument != null && argument.ArgumentKind != ArgumentKind.DefaultValue;

        /// <summary>Strips implicit and explicit conversions and parentheses-like wrappers.</summary>
        public static IOperation? Unwrap(IOperation? operation)
        {
            for (int i = 0; i < 16 && operation != null; i++)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IArgumentOperation argument:
                        operation = argument.Value;
                        continue;
                }

                break;
            }

            return operation;
        }

        public static bool TryGetConstant(IOperation? operation, out object? value)
        {
            value = null;
            if (operation == null)
            {
                return false;
            }

            var constant = operation.ConstantValue;
            if (constant.HasValue)
            {
                value = constant.Value;
                return true;
            }

            var unwrapped = Unwrap(operation);
            if (unwrapped != null && unwrapped != operation && unwrapped.ConstantValue.HasValue)
            {
                value = unwrapped.ConstantValue.Value;
                return true;
            }

            return false;
        }

        public static int? ConstantInt(IOperation? operation)
        {
            if (TryGetConstant(operation, out object? value) && value != null)
            {
                switch (value)
                {
                    case int i: return i;
                    case short s: return s;
                    case byte b: return b;
                    case long l when l >= int.MinValue && l <= int.MaxValue: return (int)l;
                }
            }

            return null;
        }

        public static bool? ConstantBool(IOperation? operation) =>
            TryGetConstant(operation, out object? value) && value is bool b ? b : (bool?)null;

        /// <summary>The outermost operation above this one: the body of the member (or the field initializer) it belongs to.</summary>
        public static IOperation Root(IOperation operation)
        {
            var current = operation;
            for (int i = 0; i < 4096 && current.Parent != null; i++)
            {
                current = current.Parent;
            }

            return current;
        }

        /// <summary>Whether the operation sits inside a lambda or local function (not directly in the member body).</summary>
        public static bool IsInsideFunction(IOperation operation)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        public static bool NamespaceIs(INamespaceSymbol? ns, string fullName) => NamespaceIs(ns, fullName, fullName.Length);

        /// <summary>Whether the namespace is the first <paramref name="length"/> characters of <paramref name="fullName"/>.</summary>
        public static bool NamespaceIs(INamespaceSymbol? ns, string fullName, int length)
        {
            if (ns == null)
            {
                return false;
            }

            int end = length;
            var current = ns;
            while (current != null && !current.IsGlobalNamespace)
            {
                string name = current.Name;
                int start = end - name.Length;
                if (start < 0 || string.CompareOrdinal(fullName, start, name, 0, name.Length) != 0)
                {
                    return false;
                }

                current = current.ContainingNamespace;
                if (current != null && !current.IsGlobalNamespace)
                {
                    if (start == 0 || fullName[start - 1] != '.')
                    {
                        return false;
                    }

                    end = start - 1;
                }
                else
                {
                    end = start;
                }
            }

            return end == 0;
        }

        public static bool NamespaceStartsWith(INamespaceSymbol? ns, string prefix)
        {
            for (var current = ns; current != null && !current.IsGlobalNamespace; current = current.ContainingNamespace)
            {
                if (NamespaceIs(current, prefix))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the type is <c>typeNamespace.typeName</c> (by name, for types we never reference).</summary>
        public static bool IsNamed(ITypeSymbol? type, string typeNamespace, string typeName) =>
            type != null && type.Name == typeName && NamespaceIs(type.ContainingNamespace, typeNamespace);
    }
}
