using System.Collections.Generic;
using AtomicWriteAnalyzer.Catalog;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Operations;
using AtomicWriteAnalyzer.Paths;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AtomicWriteAnalyzer.Sensitivity
{
    /// <summary>
    /// What a write puts in the file, as far as the same body shows: serialized data (and of which type), or
    /// something else. Serialized structured data (JSON, XML, a binary graph) is state the app reads back; a
    /// <c>Token</c>, <c>Settings</c> or <c>this</c> of a type so named says what the file holds even when its path says nothing.
    /// </summary>
    internal sealed class WrittenData
    {
        private const int MaxTraceDepth = 4;

        public static readonly WrittenData NotSerialized = new WrittenData(false, null, false);

        private WrittenData(bool isSerialized, ITypeSymbol? serializedType, bool serializesThis)
        {
            IsSerialized = isSerialized;
            SerializedType = serializedType;
            SerializesThis = serializesThis;
        }

        /// <summary>The data comes from a serializer (<see cref="ApiCatalog.Serializers"/>) or is an XML document.</summary>
        public bool IsSerialized { get; }

        /// <summary>The static type of the serialized value, when known.</summary>
        public ITypeSymbol? SerializedType { get; }

        /// <summary>The value serialized is <c>this</c>.</summary>
        public bool SerializesThis { get; }

        /// <summary>Serialized data of that type (for a helper whose body serializes a value its caller passes).</summary>
        public static WrittenData SerializedValue(ITypeSymbol? type) => new WrittenData(true, type, false);

        public static WrittenData Of(ApiCall write, IPathFacts facts)
        {
            if (write.Entry.Shape == CallShape.XmlSave)
            {
                return new WrittenData(true, null, false);
            }

            var content = OperationHelpers.ArgumentValue(write.Operation, "contents") ?? OperationHelpers.ArgumentValue(write.Operation, "bytes");
            if (content != null)
            {
                return FromText(content, facts, 0) ?? NotSerialized;
            }

            return FromStream(write, facts) ?? NotSerialized;
        }

        /// <summary>Text or bytes that come from a serializer, through locals and encodings.</summary>
        private static WrittenData? FromText(IOperation? operation, IPathFacts facts, int depth)
        {
            operation = OperationHelpers.Unwrap(operation);
            if (operation == null || depth > MaxTraceDepth)
            {
                return null;
            }

            switch (operation)
            {
                case ILocalReferenceOperation local when local.Local != null:
                    foreach (var definition in facts.DefinitionsOf(local.Local, local))
                    {
                        var traced = FromText(definition, facts, depth + 1);
                        if (traced != null)
                        {
                            return traced;
                        }
                    }

                    return null;
                case IAwaitOperation awaited:
                    return FromText(awaited.Operation, facts, depth + 1);
                case IInvocationOperation invocation when invocation.TargetMethod != null:
                    var serializer = ApiCatalog.Serializer(invocation.TargetMethod);
                    if (serializer != null && serializer.Output != SerializerOutput.Stream)
                    {
                        return Serialized(invocation, serializer);
                    }

                    // Encoding.UTF8.GetBytes(JsonSerializer.Serialize(x)), serialized.ToString().
                    if (invocation.TargetMethod.Name == "GetBytes" || invocation.TargetMethod.Name == "ToString")
                    {
                        return invocation.Arguments.Length > 0 ? FromText(invocation.Arguments[0].Value, facts, depth + 1) : FromText(invocation.Instance, facts, depth + 1);
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// The locals that hold what the write opened: its own local, and writers over it (<c>new StreamWriter(stream)</c>,
        /// <c>XmlWriter.Create(stream)</c>, <c>new Utf8JsonWriter(stream)</c>), two wrappers deep.
        /// </summary>
        private static HashSet<ILocalSymbol> Sinks(IOperation created, List<IOperation> operations)
        {
            var sinks = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            var declared = DeclaredLocal(created);
            if (declared != null)
            {
                sinks.Add(declared);
            }

            for (int pass = 0; pass < 2; pass++)
            {
                foreach (var operation in operations)
                {
                    if (!ReferencesSink(OperationHelpers.Arguments(operation), created, sinks))
                    {
                        continue;
                    }

                    var wrapper = DeclaredLocal(operation);
                    if (wrapper != null && IsStreamOrWriter(wrapper.Type))
                    {
                        sinks.Add(wrapper);
                    }
                }
            }

            return sinks;
        }

        /// <summary>A stream or writer opened by the write and handed to a serializer in the same body.</summary>
        private static WrittenData? FromStream(ApiCall write, IPathFacts facts)
        {
            var created = write.Operation;
            var operations = new List<IOperation>();
            foreach (var operation in OperationHelpers.Root(created).Descendants())
            {
                if (operation is IInvocationOperation || operation is IObjectCreationOperation)
                {
                    operations.Add(operation);
                }
            }

            var sinks = Sinks(created, operations);
            foreach (var operation in operations)
            {
                if (!(operation is IInvocationOperation invocation) || invocation.TargetMethod == null)
                {
                    continue;
                }

                var serializer = ApiCatalog.Serializer(invocation.TargetMethod);
                if (serializer != null && serializer.Output != SerializerOutput.Text && ReferencesSink(invocation.Arguments, created, sinks))
                {
                    return Serialized(invocation, serializer);
                }

                // writer.Write(JsonConvert.SerializeObject(x)), stream.Write(JsonSerializer.SerializeToUtf8Bytes(x)).
                string name = invocation.TargetMethod.Name;
                if ((name == "Write" || name == "WriteAsync" || name == "WriteLine") && IsSink(invocation.Instance, created, sinks)
                    && invocation.Arguments.Length > 0)
                {
                    var text = FromText(invocation.Arguments[0].Value, facts, 0);
                    if (text != null)
                    {
                        return text;
                    }
                }
            }

            return null;
        }

        private static WrittenData Serialized(IInvocationOperation serializer, SerializerEntry entry)
        {
            IOperation? value = entry.Output == SerializerOutput.Document ? serializer.Instance : ValueArgument(serializer);
            value = OperationHelpers.Unwrap(value);
            if (value is IInstanceReferenceOperation instance)
            {
                return new WrittenData(true, instance.Type, true);
            }

            var type = value?.Type;
            if ((type == null || type.SpecialType == SpecialType.System_Object) && serializer.TargetMethod.TypeArguments.Length > 0)
            {
                type = serializer.TargetMethod.TypeArguments[0];
            }

            return new WrittenData(true, type, false);
        }

        /// <summary>The value a serializer serializes: the argument that is not a stream, writer, type or options.</summary>
        private static IOperation? ValueArgument(IInvocationOperation serializer)
        {
            foreach (var argument in serializer.Arguments)
            {
                var parameter = argument?.Parameter;
                if (parameter == null)
                {
                    continue;
                }

                switch (parameter.Name)
                {
                    case "value":
                    case "o":
                    case "obj":
                    case "graph":
                        return argument!.Value;
                }
            }

            return null;
        }

        private static ILocalSymbol? DeclaredLocal(IOperation created)
        {
            var parent = created.Parent;
            while (parent is IConversionOperation || parent is IAwaitOperation)
            {
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation declarator:
                    return declarator.Symbol;
                case ISimpleAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation local:
                    return local.Local;
                default:
                    return null;
            }
        }

        private static bool ReferencesSink(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, IOperation created, HashSet<ILocalSymbol> sinks)
        {
            foreach (var argument in arguments)
            {
                if (argument != null && IsSink(argument.Value, created, sinks))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsSink(IOperation? operation, IOperation created, HashSet<ILocalSymbol> sinks)
        {
            operation = OperationHelpers.Unwrap(operation);
            return operation == created || (operation is ILocalReferenceOperation local && local.Local != null && sinks.Contains(local.Local));
        }

        private static bool IsStreamOrWriter(ITypeSymbol? type)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                string name = current.Name;
                if (name == "Stream" || name == "TextWriter" || name == "XmlWriter" || name == "Utf8JsonWriter" || name == "JsonWriter" || name == "BinaryWriter")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
