using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Infrastructure;
using AtomicWriteAnalyzer.Operations;
using AtomicWriteAnalyzer.Paths;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Facts
{
    /// <summary>
    /// Facts about one named type, gathered by <see cref="TypeFactsCollector"/> once one of its calls touches a file (its kept calls and
    /// every member body, read whole) and then judged: the values given to
    /// its path members (field and property initializers, assignments in constructors and elsewhere, getter and
    /// method returns; found in the bodies on the first ask) and the file calls its members make. Only the type's own
    /// members are recorded, so nested types (judged on their own) are never counted twice.
    /// </summary>
    internal sealed class TypeFacts : IPathFacts
    {
        // Most types never give a path a value nor call a file API: storage is created on the first record, and
        // the member → values map only at the end, for types that have calls to judge.
        private readonly object _gate = new object();
        private List<FileCall>? _calls;
        private List<HelperCall>? _helperCalls;
        // The member bodies of the type, one record per member (a lock-free queue: members are analyzed concurrently).
        // The values given to path members are looked for in them at the end, and only when a path is traced through a
        // member: an operation action on every assignment and return of the compilation cost ~15 ms per 500 files in a
        // benchmark probe; a callback per member body costs next to nothing, and the walks, for the few types that
        // trace a path through a member, ~3 ms.
        private ConcurrentQueue<KeyValuePair<ISymbol, ImmutableArray<IOperation>>>? _bodies;
        private Dictionary<ISymbol, List<IOperation>>? _values;
        private Dictionary<IOperation, LocalDefinitions>? _locals;
        private RenameIndex? _renames;
        private Dictionary<ISymbol, IOperation>? _bodyByMember;
        private Dictionary<IOperation, PathModel>? _paths;

        public TypeFacts(INamedTypeSymbol type, AnalyzerCompilationContext context)
        {
            Type = type;
            Context = context;
        }

        public INamedTypeSymbol Type { get; }

        public AnalyzerCompilationContext Context { get; }

        /// <summary>The catalogued file calls made by the type's members (read them once every call is recorded).</summary>
        public IReadOnlyList<FileCall> Calls => (IReadOnlyList<FileCall>?)_calls ?? System.Array.Empty<FileCall>();

        /// <summary>Calls to helper methods that may overwrite a path parameter in place (recorded when the rule asks).</summary>
        public IReadOnlyList<HelperCall> HelperCalls => (IReadOnlyList<HelperCall>?)_helperCalls ?? System.Array.Empty<HelperCall>();

        public void RecordHelperCall(IInvocationOperation invocation, ISymbol containingSymbol, HelperSummary? summary)
        {
            lock (_gate)
            {
                (_helperCalls ??= new List<HelperCall>()).Add(new HelperCall(invocation, containingSymbol, summary));
            }
        }

        public bool Owns(ISymbol? containingSymbol)
        {
            var owner = containingSymbol is INamedTypeSymbol named ? named : containingSymbol?.ContainingType;
            return owner != null && SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, Type.OriginalDefinition);
        }

        public void RecordCall(ApiCall call, ISymbol containingSymbol)
        {
            lock (_gate)
            {
                (_calls ??= new List<FileCall>()).Add(new FileCall(call, containingSymbol));
                _renames = null;
            }
        }

        /// <summary>
        /// The rename later in the same body whose source is the file <paramref name="write"/> writes (the temp half of a
        /// hand-rolled replace), or null. Asked once every call is recorded, when every call has been recorded.
        /// </summary>
        public ApiCall? RenameOf(ApiCall write)
        {
            lock (_gate)
            {
                return Renames.RenameOf(write);
            }
        }

        /// <summary>When <see cref="RenameOf"/> found the rename in another member: the call in the write's body that leads to it.</summary>
        public IInvocationOperation? RenameCallSiteOf(ApiCall write)
        {
            lock (_gate)
            {
                return Renames.CallSiteOf(write);
            }
        }

        private RenameIndex Renames => _renames ??= new RenameIndex(Calls, this, Type, BodyOf);

        /// <summary>The body of a member of this type (its first operation block), or null when it has none here.</summary>
        private IOperation? BodyOf(ISymbol member)
        {
            if (_bodyByMember == null)
            {
                _bodyByMember = new Dictionary<ISymbol, IOperation>(SymbolEqualityComparer.Default);
                foreach (var body in (IEnumerable<KeyValuePair<ISymbol, ImmutableArray<IOperation>>>?)_bodies ?? System.Array.Empty<KeyValuePair<ISymbol, ImmutableArray<IOperation>>>())
                {
                    if (!body.Value.IsDefaultOrEmpty && !_bodyByMember.ContainsKey(body.Key.OriginalDefinition))
                    {
                        _bodyByMember.Add(body.Key.OriginalDefinition, body.Value[0]);
                    }
                }
            }

            return _bodyByMember.TryGetValue(member.OriginalDefinition, out var found) ? found : null;
        }

        /// <summary>Keeps a member's operation blocks (its body, initializer or parameter defaults) for <see cref="ValuesOf"/>.</summary>
        public void RecordBody(ISymbol owner, ImmutableArray<IOperation> blocks)
        {
            LazyInitializer.EnsureInitialized(ref _bodies)!.Enqueue(new KeyValuePair<ISymbol, ImmutableArray<IOperation>>(owner, blocks));
        }

        /// <summary>
        /// Records the operations of one body that give a value to a path-typed member of this type: initializers,
        /// assignments, getter and method returns. The cheap tests (operation kind, member type) come before any symbol
        /// comparison.
        /// </summary>
        private void RecordValues(ISymbol owner, IOperation block)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                // Kind first: one virtual call instead of four interface type tests on every operation of the body.
                var kind = operation.Kind;
                if (kind != OperationKind.SimpleAssignment && kind != OperationKind.Return
                    && kind != OperationKind.FieldInitializer && kind != OperationKind.PropertyInitializer)
                {
                    continue;
                }

                switch (operation)
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
                        var target = assignment.Target;
                        if (target == null || (target.Kind != OperationKind.FieldReference && target.Kind != OperationKind.PropertyReference)
                            || !IsPathType(target.Type))
                        {
                            break;
                        }

                        var member = target switch
                        {
                            IFieldReferenceOperation field => (ISymbol?)field.Field,
                            IPropertyReferenceOperation property => property.Property,
                            _ => null,
                        };
                        RecordValue(member, assignment.Value);
                        break;
                    case IReturnOperation ret when ret.ReturnedValue != null && IsPathType(ret.ReturnedValue.Type)
                        && owner is IMethodSymbol method && IsPathType(method.ReturnType) && !OperationHelpers.IsInsideFunction(ret):
                        RecordValue(method.AssociatedSymbol is IPropertySymbol property2 ? property2 : method, ret.ReturnedValue);
                        break;
                }
            }
        }

        /// <summary>
        /// The path <paramref name="operation"/> reconstructs to, computed once for every rule that asks (AW0001 asks for
        /// a write's path, AW0002 for the same write's as evidence, AW0003 for the temp's and the target's). Asked
        /// while the rules judge the type, one after the other.
        /// </summary>
        public PathModel PathOf(IOperation operation)
        {
            _paths ??= new Dictionary<IOperation, PathModel>();
            if (!_paths.TryGetValue(operation, out var path))
            {
                path = PathReconstruction.Reconstruct(operation, Context, this);
                _paths.Add(operation, path);
            }

            return path;
        }

        public ImmutableArray<IOperation> DefinitionsOf(ILocalSymbol local, IOperation use)
        {
            var root = OperationHelpers.Root(use);
            LocalDefinitions? definitions;
            lock (_gate)
            {
                _locals ??= new Dictionary<IOperation, LocalDefinitions>();
                if (!_locals.TryGetValue(root, out definitions))
                {
                    definitions = LocalDefinitions.Build(root);
                    _locals.Add(root, definitions);
                }
            }

            return definitions.Of(local);
        }

        public ImmutableArray<IOperation> ValuesOf(ISymbol member)
        {
            if (!Owns(member))
            {
                return default;
            }

            lock (_gate)
            {
                // Asked once every call is recorded, when every body has been recorded; built on the first ask.
                if (_values == null)
                {
                    _values = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
                    foreach (var body in (IEnumerable<KeyValuePair<ISymbol, ImmutableArray<IOperation>>>?)_bodies ?? System.Array.Empty<KeyValuePair<ISymbol, ImmutableArray<IOperation>>>())
                    {
                        foreach (var block in body.Value)
                        {
                            RecordValues(body.Key, block);
                        }
                    }
                }

                return _values.TryGetValue(member.OriginalDefinition, out var values) ? values.ToImmutableArray() : ImmutableArray<IOperation>.Empty;
            }
        }

        private void RecordValue(ISymbol? member, IOperation? value)
        {
            if (member == null || value == null || !IsPathType(MemberType(member)) || !Owns(member))
            {
                return;
            }

            var key = member.OriginalDefinition;
            if (!_values!.TryGetValue(key, out var list))
            {
                list = new List<IOperation>(1);
                _values.Add(key, list);
            }

            list.Add(value);
        }

        private static ITypeSymbol? MemberType(ISymbol member) => member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            IMethodSymbol method => method.ReturnType,
            _ => null,
        };

        /// <summary>Strings and <c>FileInfo</c>-like types can hold a path.</summary>
        private static bool IsPathType(ITypeSymbol? type) =>
            type != null && (type.SpecialType == SpecialType.System_String || type.Name == "FileInfo" || type.Name == "IFileInfo");
    }
}
