namespace AtomicWriteAnalyzer.Catalog
{
    /// <summary>Where a serializer puts the data.</summary>
    internal enum SerializerOutput
    {
        /// <summary>Returns it (<c>JsonConvert.SerializeObject(value)</c>).</summary>
        Text,

        /// <summary>Writes it to a stream or writer argument (<c>XmlSerializer.Serialize(stream, value)</c>).</summary>
        Stream,

        /// <summary>Returns it, or writes it to a stream argument, depending on the overload (<c>JsonSerializer.Serialize</c>).</summary>
        TextOrStream,

        /// <summary>The receiver is the document (<c>XDocument.Save(stream)</c>, <c>ToString()</c>).</summary>
        Document,
    }

    /// <summary>One catalogued serializer method.</summary>
    internal sealed class SerializerEntry
    {
        public SerializerEntry(string ns, string typeName, string methodName, SerializerOutput output)
        {
            Namespace = ns;
            TypeName = typeName;
            MethodName = methodName;
            Output = output;
        }

        public string Namespace { get; }

        public string TypeName { get; }

        public string MethodName { get; }

        public SerializerOutput Output { get; }
    }
}
