using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AtomicWriteAnalyzer.Contract;
using AtomicWriteAnalyzer.Operations;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Catalog
{
    /// <summary>
    /// Every file API the rules know, as data: the in-place overwrites of AW0001, the reads of AW0002 (and of the
    /// app-state signal), the renames that end a hand-rolled replace (AW0003), and the serializers that say the
    /// data written is structured state. One entry stands for every overload of its member that takes the path in
    /// the named parameter, including those a newer framework adds (<c>WriteAllText(string, ReadOnlySpan&lt;char&gt;)</c>).
    /// <para>
    /// Overloads covered (net8.0 through net10.0):
    /// <c>File.WriteAllText(path, string|ReadOnlySpan&lt;char&gt;[, Encoding])</c>,
    /// <c>File.WriteAllTextAsync(path, string|ReadOnlyMemory&lt;char&gt;[, Encoding], CancellationToken)</c>,
    /// <c>File.WriteAllBytes(path, byte[]|ReadOnlySpan&lt;byte&gt;)</c>,
    /// <c>File.WriteAllBytesAsync(path, byte[]|ReadOnlyMemory&lt;byte&gt;, CancellationToken)</c>,
    /// <c>File.WriteAllLines(path, string[]|IEnumerable&lt;string&gt;[, Encoding])</c> (+<c>Async</c> with a token),
    /// <c>File.Create(path[, bufferSize[, FileOptions]])</c>, <c>File.CreateText(path)</c>, <c>File.OpenWrite(path)</c>,
    /// <c>File.Open(path, FileMode[, FileAccess[, FileShare]])</c>, <c>File.Open(path, FileStreamOptions)</c>,
    /// <c>new FileStream(path, FileMode[, FileAccess[, FileShare[, bufferSize[, useAsync|FileOptions]]]])</c>,
    /// <c>new FileStream(path, FileStreamOptions)</c>, <c>FileInfo.Create()</c>, <c>CreateText()</c>, <c>OpenWrite()</c>,
    /// <c>FileInfo.Open(FileMode[, FileAccess[, FileShare]])</c>, <c>FileInfo.Open(FileStreamOptions)</c>,
    /// <c>new StreamWriter(path[, append[, Encoding[, bufferSize]]])</c>, <c>new StreamWriter(path[, Encoding], FileStreamOptions)</c>,
    /// <c>File.Copy(source, destFileName, overwrite)</c>, <c>XDocument/XElement.Save(fileName[, SaveOptions])</c>,
    /// <c>XmlDocument.Save(filename)</c>, <c>FileInfo.CopyTo(destFileName, overwrite)</c>,
    /// <c>XmlWriter.Create(outputFileName[, XmlWriterSettings])</c>,
    /// <c>fileInfo.Create(FileMode, FileSystemRights, FileShare, bufferSize, FileOptions, FileSecurity)</c> (<c>FileSystemAclExtensions</c>).
    /// </para>
    /// <para>
    /// Not overwrites, so not listed: <c>File.AppendAll*</c>, <c>File.AppendText</c>, <c>FileMode.Append</c> and
    /// <c>FileMode.CreateNew</c> streams, <c>new StreamWriter(path, append: true)</c>, <c>File.Copy</c> without
    /// <c>overwrite: true</c>, writers over a <c>Stream</c> (the stream's own creation is what gets flagged).
    /// </para>
    /// </summary>
    internal static class ApiCatalog
    {
        private const string File = "System.IO.File";
        private const string FileInfo = "System.IO.FileInfo";

        private static readonly ImmutableArray<string> Path = ImmutableArray.Create("path");
        private static readonly ImmutableArray<string> Receiver = ImmutableArray<string>.Empty;

        /// <summary>The BCL APIs, matched by symbol (types are resolved lazily, on the first call whose name matches).</summary>
        public static readonly ImmutableArray<ApiEntry> Entries = ImmutableArray.Create(
            // AW0001: in-place overwrites.
            Overwrite(CallShape.WriteAllText, File),
            Overwrite(CallShape.WriteAllTextAsync, File),
            Overwrite(CallShape.WriteAllBytes, File),
            Overwrite(CallShape.WriteAllBytesAsync, File),
            Overwrite(CallShape.WriteAllLines, File),
            Overwrite(CallShape.WriteAllLinesAsync, File),
            Overwrite(CallShape.FileCreate, File, "Create"),
            Overwrite(CallShape.FileCreateText, File, "CreateText"),
            // OpenOrCreate + Write: does not truncate, so a shorter write leaves stale bytes after the new content.
            Overwrite(CallShape.FileOpenWrite, File, "OpenWrite"),
            new ApiEntry(ApiRole.OpenByMode, CallShape.FileOpen, File, "Open", ArgumentRule.FileMode, Path),
            new ApiEntry(ApiRole.OpenByMode, CallShape.FileStream, "System.IO.FileStream", ".ctor", ArgumentRule.FileMode, Path),
            new ApiEntry(ApiRole.Overwrite, CallShape.StreamWriter, "System.IO.StreamWriter", ".ctor", ArgumentRule.Append, Path),
            new ApiEntry(ApiRole.Overwrite, CallShape.Copy, File, CallShape.Copy.Name(), ArgumentRule.OverwriteFlag, ImmutableArray.Create("destFileName")),
            new ApiEntry(ApiRole.Overwrite, CallShape.FileInfoCreate, FileInfo, "Create", ArgumentRule.None, Receiver),
            new ApiEntry(ApiRole.Overwrite, CallShape.FileInfoCreateText, FileInfo, "CreateText", ArgumentRule.None, Receiver),
            new ApiEntry(ApiRole.Overwrite, CallShape.FileInfoOpenWrite, FileInfo, "OpenWrite", ArgumentRule.None, Receiver),
            new ApiEntry(ApiRole.OpenByMode, CallShape.FileInfoOpen, FileInfo, "Open", ArgumentRule.FileMode, Receiver),
            // fileInfo.Create(FileMode, FileSystemRights, FileShare, bufferSize, FileOptions, FileSecurity): the ACL
            // overload, an extension method; opens like FileInfo.Open with that mode. Reported, not fixed: the fix
            // would drop the file's security. Its DirectoryInfo overload creates a folder and is not matched.
            new ApiEntry(ApiRole.OpenByMode, CallShape.FileInfoOpen, "System.IO.FileSystemAclExtensions", "Create", ArgumentRule.FileMode, Receiver, hasFix: false),
            new ApiEntry(ApiRole.Overwrite, CallShape.XmlSave, "System.Xml.Linq.XDocument", "Save", ArgumentRule.None, ImmutableArray.Create("fileName")),
            new ApiEntry(ApiRole.Overwrite, CallShape.XmlSave, "System.Xml.Linq.XElement", "Save", ArgumentRule.None, ImmutableArray.Create("fileName")),
            new ApiEntry(ApiRole.Overwrite, CallShape.XmlSave, "System.Xml.XmlDocument", "Save", ArgumentRule.None, ImmutableArray.Create("filename")),
            // Reported, not fixed: CopyTo copies its receiver (a fix would have to name that path), and an XmlWriter
            // would have to own an AtomicFile stream and commit it.
            new ApiEntry(ApiRole.Overwrite, CallShape.FileInfoCopyTo, FileInfo, "CopyTo", ArgumentRule.OverwriteFlag, ImmutableArray.Create("destFileName"), hasFix: false),
            new ApiEntry(ApiRole.Overwrite, CallShape.XmlWriterCreate, "System.Xml.XmlWriter", "Create", ArgumentRule.None, ImmutableArray.Create("outputFileName"), hasFix: false),

            // AW0002 and the app-state signal: reads.
            Read(CallShape.ReadAllText, File),
            Read(CallShape.ReadAllTextAsync, File),
            Read(CallShape.ReadAllBytes, File),
            Read(CallShape.ReadAllBytesAsync, File),
            Read(CallShape.ReadAllLines, File),
            Read(CallShape.ReadAllLinesAsync, File),
            Read(CallShape.ReadLines, File),
            Read(CallShape.ReadLinesAsync, File),
            Read(CallShape.FileOpenRead, File, "OpenRead"),
            Read(CallShape.FileOpenText, File, "OpenText"),
            new ApiEntry(ApiRole.Read, CallShape.StreamReader, "System.IO.StreamReader", ".ctor", ArgumentRule.None, Path),
            new ApiEntry(ApiRole.Read, CallShape.FileInfoOpenRead, FileInfo, "OpenRead", ArgumentRule.None, Receiver),
            new ApiEntry(ApiRole.Read, CallShape.FileInfoOpenText, FileInfo, "OpenText", ArgumentRule.None, Receiver),
            new ApiEntry(ApiRole.Read, CallShape.XmlLoad, "System.Xml.Linq.XDocument", "Load", ArgumentRule.None, ImmutableArray.Create("uri")),
            new ApiEntry(ApiRole.Read, CallShape.XmlLoad, "System.Xml.Linq.XElement", "Load", ArgumentRule.None, ImmutableArray.Create("uri")),
            new ApiEntry(ApiRole.Read, CallShape.XmlLoad, "System.Xml.XmlDocument", "Load", ArgumentRule.None, ImmutableArray.Create("filename")),

            // AW0003: the rename that ends a hand-rolled replace. The path is the temp (source); the target is named apart.
            new ApiEntry(ApiRole.Rename, CallShape.FileMove, File, "Move", ArgumentRule.None, ImmutableArray.Create("sourceFileName"), "destFileName"),
            new ApiEntry(ApiRole.Rename, CallShape.FileReplace, File, "Replace", ArgumentRule.None, ImmutableArray.Create("sourceFileName"), "destinationFileName"),
            new ApiEntry(ApiRole.Rename, CallShape.FileInfoMoveTo, FileInfo, "MoveTo", ArgumentRule.None, Receiver, "destFileName"),
            new ApiEntry(ApiRole.Rename, CallShape.FileInfoReplace, FileInfo, "Replace", ArgumentRule.None, Receiver, "destinationFileName"));

        /// <summary>
        /// <c>System.IO.Abstractions</c> types (and their testing/wrapper classes), by simple name, each mapped to the
        /// BCL type whose members it mirrors. Matched only in the <c>System.IO.Abstractions*</c> namespaces.
        /// </summary>
        public static readonly ImmutableDictionary<string, string> AbstractionMirrors = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["IFile"] = File,
            ["FileBase"] = File,
            ["FileWrapper"] = File,
            ["MockFile"] = File,
            ["IFileInfo"] = FileInfo,
            ["FileInfoBase"] = FileInfo,
            ["FileInfoWrapper"] = FileInfo,
            ["MockFileInfo"] = FileInfo,
            ["IFileStreamFactory"] = "System.IO.FileStream",
            ["FileStreamFactory"] = "System.IO.FileStream",
            ["MockFileStreamFactory"] = "System.IO.FileStream",
        }.ToImmutableDictionary(StringComparer.Ordinal);

        public const string AbstractionsNamespace = "System.IO.Abstractions";

        /// <summary>Whether <paramref name="type"/> is the System.IO.Abstractions mirror of <paramref name="bclType"/> (<c>IFile</c> of <c>System.IO.File</c>).</summary>
        public static bool IsAbstractionOf(INamedTypeSymbol? type, string bclType) =>
            type != null && AbstractionMirrors.TryGetValue(type.Name, out string? mirrored) && mirrored == bclType
            && OperationHelpers.NamespaceStartsWith(type.ContainingNamespace, AbstractionsNamespace);

        /// <summary><c>IFileStreamFactory.New(path, FileMode, ...)</c> (and its older name <c>Create</c>) mirror the <c>FileStream</c> constructors.</summary>
        public static readonly ImmutableArray<string> FileStreamFactoryMethods = ImmutableArray.Create("New", "Create");

        /// <summary>
        /// Members that create a <c>FileInfo</c> from a path, whose argument is the path of the <c>FileInfo</c>:
        /// <c>IFileInfoFactory.New(fileName)</c> and its older name <c>FromFileName</c>.
        /// </summary>
        public static readonly ImmutableArray<string> FileInfoFactoryMethods = ImmutableArray.Create("New", "FromFileName");

        /// <summary>
        /// The method names worth a look: an invocation whose name is not here is dismissed before any symbol is
        /// compared or any type resolved.
        /// </summary>
        /// <remarks>A plain <see cref="HashSet{T}"/>, never written after construction (safe to read concurrently): an
        /// <c>ImmutableHashSet</c> lookup costs several times more, and this one runs on every invocation.</remarks>
        /// <summary>
        /// Names a project's own file-system abstraction gives its open-by-mode member (<c>IFileSystem.OpenFileStream(path,
        /// FileMode.Create, ...)</c>), each read as <c>File.Open</c> when it takes a <c>FileMode</c> and returns a stream
        /// (<see cref="LookAlikeWrappers"/>).
        /// </summary>
        public static readonly ImmutableDictionary<string, string> OpenByModeAliases = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["OpenFile"] = "Open",
            ["OpenFileStream"] = "Open",
            ["OpenStream"] = "Open",
            ["OpenFileForWrite"] = "Open",
        }.ToImmutableDictionary(StringComparer.Ordinal);

        public static readonly HashSet<string> MethodNames = new HashSet<string>(
            Entries.Where(e => !e.IsConstructor).Select(e => e.MemberName).Concat(FileStreamFactoryMethods).Concat(OpenByModeAliases.Keys),
            StringComparer.Ordinal);

        /// <summary>The constructed types worth a look, by simple name.</summary>
        public static readonly HashSet<string> ConstructorTypeNames = new HashSet<string>(
            Entries.Where(e => e.IsConstructor).Select(e => e.TypeName),
            StringComparer.Ordinal);

        private static readonly ImmutableDictionary<string, ImmutableArray<ApiEntry>> ByMember = Entries
            .GroupBy(e => Key(e.IsConstructor ? e.TypeName : null, e.MemberName))
            .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);

        /// <summary>The entries for a method name (any type), or for a constructed type's simple name.</summary>
        public static ImmutableArray<ApiEntry> ForMethod(string methodName) =>
            ByMember.TryGetValue(Key(null, methodName), out var entries) ? entries : ImmutableArray<ApiEntry>.Empty;

        public static ImmutableArray<ApiEntry> ForConstructor(string typeName) =>
            ByMember.TryGetValue(Key(typeName, ".ctor"), out var entries) ? entries : ImmutableArray<ApiEntry>.Empty;

        /// <summary>The BCL entry a mirrored member stands for (<c>IFile.WriteAllText</c> → <c>File.WriteAllText</c>).</summary>
        public static ApiEntry? Mirrored(string bclTypeMetadataName, string memberName)
        {
            foreach (var entry in Entries)
            {
                if (entry.TypeMetadataName == bclTypeMetadataName && entry.MemberName == memberName)
                {
                    return entry;
                }
            }

            return null;
        }

        /// <summary>
        /// Serializers, by namespace, type and method (matched by name: Newtonsoft.Json is the user's reference, not ours).
        /// <see cref="SerializerOutput.Text"/>: returns the serialized text or bytes; <see cref="SerializerOutput.Stream"/>:
        /// writes to the stream or writer passed as an argument. Deserializers are in <see cref="ParseCalls"/>.
        /// </summary>
        public static readonly ImmutableArray<SerializerEntry> Serializers = ImmutableArray.Create(
            new SerializerEntry("System.Text.Json", "JsonSerializer", "Serialize", SerializerOutput.TextOrStream),
            new SerializerEntry("System.Text.Json", "JsonSerializer", "SerializeToUtf8Bytes", SerializerOutput.Text),
            new SerializerEntry("System.Text.Json", "JsonSerializer", "SerializeAsync", SerializerOutput.Stream),
            new SerializerEntry("Newtonsoft.Json", "JsonConvert", "SerializeObject", SerializerOutput.Text),
            new SerializerEntry("Newtonsoft.Json", "JsonSerializer", "Serialize", SerializerOutput.Stream),
            new SerializerEntry("System.Xml.Serialization", "XmlSerializer", "Serialize", SerializerOutput.Stream),
            new SerializerEntry("System.Runtime.Serialization", "XmlObjectSerializer", "WriteObject", SerializerOutput.Stream),
            new SerializerEntry("System.Runtime.Serialization", "DataContractSerializer", "WriteObject", SerializerOutput.Stream),
            new SerializerEntry("System.Runtime.Serialization.Json", "DataContractJsonSerializer", "WriteObject", SerializerOutput.Stream),
            new SerializerEntry("System.Runtime.Serialization.Formatters.Binary", "BinaryFormatter", "Serialize", SerializerOutput.Stream),
            new SerializerEntry("System.Xml.Linq", "XDocument", "Save", SerializerOutput.Document),
            new SerializerEntry("System.Xml.Linq", "XElement", "Save", SerializerOutput.Document),
            new SerializerEntry("System.Xml", "XmlDocument", "Save", SerializerOutput.Document),
            new SerializerEntry("System.Xml.Linq", "XDocument", "ToString", SerializerOutput.Document),
            new SerializerEntry("System.Xml.Linq", "XElement", "ToString", SerializerOutput.Document));

        /// <summary>Method names of <see cref="Serializers"/>, for a cheap first test.</summary>
        public static readonly HashSet<string> SerializerMethodNames = new HashSet<string>(Serializers.Select(s => s.MethodName), StringComparer.Ordinal);

        /// <summary>Whether the method is a catalogued serializer (or overrides one), and which.</summary>
        public static SerializerEntry? Serializer(IMethodSymbol? method)
        {
            if (method == null || !SerializerMethodNames.Contains(method.Name))
            {
                return null;
            }

            for (var current = method; current != null; current = current.OverriddenMethod)
            {
                var type = current.ContainingType;
                foreach (var entry in Serializers)
                {
                    if (entry.MethodName == current.Name && type != null && type.Name == entry.TypeName && OperationHelpers.NamespaceIs(type.ContainingNamespace, entry.Namespace))
                    {
                        return entry;
                    }
                }
            }

            return null;
        }

        private static string Key(string? typeName, string member) => typeName == null ? member : typeName + "::" + member;

        /// <summary>An overwrite taking its path in <c>path</c>; the member is named like its shape unless given.</summary>
        private static ApiEntry Overwrite(CallShape shape, string type, string? member = null) =>
            new ApiEntry(ApiRole.Overwrite, shape, type, member ?? shape.Name(), ArgumentRule.None, Path);

        private static ApiEntry Read(CallShape shape, string type, string? member = null) =>
            new ApiEntry(ApiRole.Read, shape, type, member ?? shape.Name(), ArgumentRule.None, Path);
    }
}
