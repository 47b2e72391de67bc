using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Internal
{
    /// <summary>
    /// Facts about one named type, gathered by operation actions registered in its symbol-start action and read at
    /// its symbol end: the values given to its path members (field and property initializers, assignments in
    /// constructors and elsewhere, getter and method returns) and the file calls its members make. Only the type's own
    /// members are recorded, so nested types (which get their own start) are never counted twice.
    /// </summary>
    internal sealed class TypeFacts : IPathFacts
    {
        private readonly ConcurrentDictionary<ISymbol, ConcurrentQueue<IOperation>> _values =
            new ConcurrentDictionary<ISymbol, ConcurrentQueue<IOperation>>(SymbolEqualityComparer.Default);

        private readonly ConcurrentQueue<FileCall> _calls = new ConcurrentQueue<FileCall>();
        private readonly MethodBodyFacts _locals = new MethodBodyFacts();

        public TypeFacts(INamedTypeSymbol type, AnalyzerCompilationContext context)
        {
            Type = type;
            Context = context;
        }

        public INamedTypeSymbol Type { get; }

        public AnalyzerCompilationContext Context { get; }

        /// <summary>The catalogued file calls made by the type's members, in no particular order.</summary>
        public IEnumerable<FileCall> Calls => _calls;

        public bool Owns(ISymbol? containingSymbol)
        {
            var owner = containingSymbol is INamedTypeSymbol named ? named : containingSymbol?.ContainingType;
            return owner != null && SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, Type.OriginalDefinition);
        }

        public void RecordCall(ApiCall call, ISymbol containingSymbol) => _calls.Enqueue(new FileCall(call, containingSymbol));

        /// <summary>Records the operations that give a value to a path-typed member of this type.</summary>
        public void RecordValueOperation(OperationAnalysisContext context)
        {
            switch (context.Operation)
            {
                case IFieldInitializerOperation fieldInitializer:
                    foreach (var field in fieldInitializer.InitializedFields)
                    {
                        RecordValue(field, fieldInitializer.Value);
                    }

                    break;
                case IPropertyInitializerOperation propertyInitializer:
                    foreach (var property in propertyInitializer.InitializedProperties)
                    {
                        RecordValue(property, propertyInitializer.Value);
                    }

                    break;
                case ISimpleAssignmentOperation assignment:
                    var member = assignment.Target switch
                    {
                        IFieldReferenceOperation field => (ISymbol?)field.Field,
                        IPropertyReferenceOperation property => property.Property,
                        _ => null,
                    };
                    RecordValue(member, assignment.Value);
                    break;
                case IReturnOperation ret when ret.ReturnedValue != null && context.ContainingSymbol is IMethodSymbol method && !OperationHelpers.IsInsideFunction(ret):
                    RecordValue(method.AssociatedSymbol is IPropertySymbol property2 ? property2 : method, ret.ReturnedValue);
                    break;
            }
        }

        public ImmutableArray<IOperation> DefinitionsOf(ILocalSymbol local, IOperation use) => _locals.DefinitionsOf(local, use);

        public ImmutableArray<IOperation> ValuesOf(ISymbol member)
        {
            if (!Owns(member))
            {
                return default;
            }

            return _values.TryGetValue(member.OriginalDefinition, out var values) ? values.ToImmutableArray() : ImmutableArray<IOperation>.Empty;
        }

        private void RecordValue(ISymbol? member, IOperation? value)
        {
            if (member == null || value == null || !Owns(member) || !IsPathType(member))
            {
                return;
            }

            _values.GetOrAdd(member.OriginalDefinition, _ => new ConcurrentQueue<IOperation>()).Enqueue(value);
        }

        /// <summary>Strings and <c>FileInfo</c>-like types can hold a path.</summary>
        private static bool IsPathType(ISymbol member)
        {
            var type = member switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                IMethodSymbol method => method.ReturnType,
                _ => null,
            };

            return type != null && (type.SpecialType == SpecialType.System_String || type.Name == "FileInfo" || type.Name == "IFileInfo");
        }
    }

    /// <summary>A catalogued call and the member (method, accessor, constructor, <c>&lt;Main&gt;$</c>) that makes it.</summary>
    internal sealed class FileCall
    {
        public FileCall(ApiCall call, ISymbol containingSymbol)
        {
            Call = call;
            ContainingSymbol = containingSymbol;
        }

        public ApiCall Call { get; }

        public ISymbol ContainingSymbol { get; }

        /// <summary>The name of the member that writes, as a counter-signal source (<c>ExportSettings</c>).</summary>
        public string? WriterName => ContainingSymbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated.Name
            : ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } ? null
            : ContainingSymbol?.Name;
    }
}
