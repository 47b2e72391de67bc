namespace AtomicWriteAnalyzer.Catalog
{
    /// <summary>How the call's arguments can turn an overwrite into something else.</summary>
    internal enum ArgumentRule
    {
        /// <summary>The API always does what its role says.</summary>
        None,

        /// <summary><c>FileMode</c>/<c>FileAccess</c> (or a <c>FileStreamOptions</c>) decide.</summary>
        FileMode,

        /// <summary>A constant <c>append: true</c> makes it an append (<c>StreamWriter</c>).</summary>
        Append,

        /// <summary>Only a constant <c>overwrite: true</c> replaces an existing file (<c>File.Copy</c>).</summary>
        OverwriteFlag,
    }
}
