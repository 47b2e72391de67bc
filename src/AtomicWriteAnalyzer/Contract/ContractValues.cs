using System;

namespace AtomicWriteAnalyzer.Contract
{
    // The values the analyzers hand to the fixes (and to users, in SARIF and in the IDE's diagnostic properties).
    // Each enum member's name IS the property value: renaming one changes the public contract (docs/architecture.md,
    // "The analyzer↔fix contract"). This file is the only place that spells them; a test checks that no other source
    // file holds one of these names as a string literal.

    /// <summary>
    /// <see cref="DiagnosticPropertyNames.Shape"/>: the catalogued API a diagnostic is about. For a member of
    /// <c>System.IO.File</c> the shape is the member's name; other shapes name their type and member.
    /// </summary>
    internal enum CallShape
    {
        // Overwrites (AW0001).
        WriteAllText,
        WriteAllTextAsync,
        WriteAllBytes,
        WriteAllBytesAsync,
        WriteAllLines,
        WriteAllLinesAsync,
        FileCreate,
        FileCreateText,
        FileOpenWrite,
        FileOpen,
        FileStream,
        StreamWriter,
        Copy,
        FileInfoCreate,
        FileInfoCreateText,
        FileInfoOpenWrite,
        FileInfoOpen,
        XmlSave,
        FileInfoCopyTo,
        XmlWriterCreate,

        /// <summary>A call to a helper method of another type that overwrites its path parameter in place.</summary>
        HelperCall,

        // Reads (AW0002).
        ReadAllText,
        ReadAllTextAsync,
        ReadAllBytes,
        ReadAllBytesAsync,
        ReadAllLines,
        ReadAllLinesAsync,
        ReadLines,
        ReadLinesAsync,
        FileOpenRead,
        FileOpenText,
        StreamReader,
        FileInfoOpenRead,
        FileInfoOpenText,
        XmlLoad,

        // Renames that end a hand-rolled replace (AW0003).
        FileMove,
        FileReplace,
        FileInfoMoveTo,
        FileInfoReplace,
    }

    /// <summary><see cref="DiagnosticPropertyNames.Family"/>: where the API comes from.</summary>
    internal enum CallFamily
    {
        /// <summary>The BCL: <c>System.IO</c>, <c>System.Xml</c>, <c>System.Xml.Linq</c>.</summary>
        SystemIO,

        /// <summary>
        /// <c>System.IO.Abstractions</c> (<c>IFileSystem.File</c>, <c>IFileInfo</c>, <c>IFileStreamFactory</c>), matched by
        /// name because users' projects reference that package, not us. Reported, never fixed: a fix would bypass
        /// the user's mocks.
        /// </summary>
        FileSystemAbstractions,

        /// <summary>A user's own file-system wrapper whose methods mirror <c>File</c>'s. Reported, never fixed.</summary>
        LookAlike,

        /// <summary>AW0001 at a call to a helper method that overwrites its path parameter in place. Never fixed.</summary>
        Helper,
    }

    /// <summary><see cref="DiagnosticPropertyNames.Signal"/>: which kind of signal decided that a path is sensitive.</summary>
    internal enum SignalKind
    {
        None,
        IgnoredPathsOption,
        CounterSignal,
        SensitiveFileAttribute,
        SensitivePathsOption,
        ScopeAll,
        FileKind,
        FileNameWord,
        FolderWord,
        HolderName,

        /// <summary>The data written is a serialized object whose type name is sensitive (<c>AuthToken</c>, <c>AppSettings</c>).</summary>
        DataType,

        /// <summary>The same type reads the file back and rewrites it with serialized data.</summary>
        AppState,

        /// <summary>
        /// The writing type's or method's name (weak) together with serialized data or a read-back, or a method whose
        /// name says it saves something sensitive (<c>SaveConfig</c>).
        /// </summary>
        WriterName,

        /// <summary>A helper method overwrites in place the sensitive path a caller passes it.</summary>
        HelperCaller,
    }

    /// <summary>AW0002's <see cref="DiagnosticPropertyNames.Fix"/>: how the fix turns a read into a recovering one.</summary>
    internal enum ReadFix
    {
        /// <summary>No fix: <c>AtomicFile</c> has no twin, or the rewrite could change what the code does.</summary>
        None,

        /// <summary><c>File.ReadAll*</c> → <c>AtomicFile.ReadAll*</c> with the same arguments.</summary>
        ReadAll,

        /// <summary><c>Parse(File.ReadAllText(p))</c> → <c>AtomicFile.Load(p, (string text) =&gt; Parse(text))</c>.</summary>
        LoadText,

        /// <summary><c>Parse(File.OpenRead(p))</c>, <c>XDocument.Load(p)</c> → <c>AtomicFile.Load(p, (Stream stream) =&gt; Parse(stream))</c>.</summary>
        LoadStream,
    }

    /// <summary>AW0003's <see cref="DiagnosticPropertyNames.Fix"/>.</summary>
    internal enum ReplaceFix
    {
        None,

        /// <summary>The temp's one <c>File.WriteAll*</c> and the move collapse into one <c>AtomicFile.WriteAll*(target, ...)</c>.</summary>
        Collapse,
    }

    /// <summary>AW0003's <see cref="DiagnosticPropertyNames.Problems"/>: the missing steps, in the order the message lists them.</summary>
    internal enum ReplaceProblem
    {
        NotFlushed,
        PredictableName,
        DeleteThenMove,
        CrossFileSystem,
    }

    /// <summary>
    /// The property text of each contract value, without <c>Enum.ToString()</c> (it showed in profiles), and the way
    /// back for the fixes.
    /// </summary>
    internal static class ContractNames
    {
        private static readonly string[] Shapes = Enum.GetNames(typeof(CallShape));
        private static readonly string[] Families = Enum.GetNames(typeof(CallFamily));
        private static readonly string[] Signals = Enum.GetNames(typeof(SignalKind));
        private static readonly string[] ReadFixes = Enum.GetNames(typeof(ReadFix));
        private static readonly string[] ReplaceFixes = Enum.GetNames(typeof(ReplaceFix));
        private static readonly string[] Problems = Enum.GetNames(typeof(ReplaceProblem));

        public static string Name(this CallShape value) => Shapes[(int)value];

        public static string Name(this CallFamily value) => Families[(int)value];

        public static string Name(this SignalKind value) => Signals[(int)value];

        public static string Name(this ReadFix value) => ReadFixes[(int)value];

        public static string Name(this ReplaceFix value) => ReplaceFixes[(int)value];

        public static string Name(this ReplaceProblem value) => Problems[(int)value];

        /// <summary>The value a property holds, or null when it is missing or not one of <typeparamref name="T"/>'s names.</summary>
        public static T? Parse<T>(string? text)
            where T : struct, Enum
        {
            // Enum.TryParse also takes numbers and comma lists: a property is one name or nothing.
            return text != null && text.Length > 0 && char.IsLetter(text[0]) && text.IndexOf(',') < 0
                && Enum.TryParse(text, ignoreCase: false, out T value) ? value : (T?)null;
        }
    }
}
