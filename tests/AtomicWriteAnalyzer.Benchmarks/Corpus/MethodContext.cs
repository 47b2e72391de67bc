namespace AtomicWriteAnalyzer.Benchmarks.Corpus
{
    /// <summary>Names a generated method needs: its file's entity, status enum and service, and a slot number that keeps member names unique.</summary>
    internal sealed class MethodContext
    {
        public MethodContext(int fileIndex, int slot, string entity)
        {
            FileIndex = fileIndex;
            Slot = slot;
            Entity = entity;
        }

        public int FileIndex { get; }

        public int Slot { get; }

        /// <summary>The entity type of the file, e.g. <c>Invoice42</c>.</summary>
        public string Entity { get; }

        public string Status => Entity + "Status";

        public string Service => Entity + "Service";
    }

    /// <summary>A generated member, and a type it needs beside the service (a storage class), if any.</summary>
    internal sealed class GeneratedMember
    {
        public GeneratedMember(string code, string kind, string? companionType = null, int companionFileMethods = 0)
        {
            Code = code;
            Kind = kind;
            CompanionType = companionType;
            CompanionFileMethods = companionFileMethods;
        }

        public string Code { get; }

        /// <summary><see cref="MemberKinds"/>: what the member does, for the corpus summary.</summary>
        public string Kind { get; }

        public string? CompanionType { get; }

        /// <summary>Methods of <see cref="CompanionType"/>, each of which touches a file (<see cref="MemberKinds.StorageClass"/>).</summary>
        public int CompanionFileMethods { get; }
    }

    internal static class MemberKinds
    {
        public const string Ordinary = "ordinary";
        public const string Sensitive = "file: sensitive";
        public const string NotSensitive = "file: not sensitive";
        public const string StorageClass = "file: via storage class";
        public const string Atomic = "file: AtomicFile";
    }
}
