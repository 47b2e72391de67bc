namespace AtomicWriteAnalyzer.Sensitivity
{
    /// <summary>
    /// What is known about a write beyond its path: the writing type and method, the data written and
    /// whether the same type reads the file back. Computed only when the path alone says nothing.
    /// </summary>
    internal sealed class WriteEvidence
    {
        public WriteEvidence(string? typeName, string? methodName, WrittenData data, string? readBackBy)
        {
            TypeName = typeName;
            MethodName = methodName;
            Data = data;
            ReadBackBy = readBackBy;
        }

        public string? TypeName { get; }

        public string? MethodName { get; }

        public WrittenData Data { get; }

        /// <summary><c>Type.Member</c> that reads the same path member back, or null.</summary>
        public string? ReadBackBy { get; }
    }
}
