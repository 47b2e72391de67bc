namespace System.IO
{
    /// <summary>
    /// Unix file permissions, with the same name and values as <c>System.IO.UnixFileMode</c> of .NET 7 and later.
    /// The netstandard2.0 build of AtomicWrite declares it so that <see cref="AtomicWrite.AtomicWriteOptions.NewFileMode"/>
    /// has one type on every framework; the net8.0 build forwards this name to the framework's own type, so code
    /// compiled against either build runs against the other.
    /// </summary>
    [Flags]
    public enum UnixFileMode
    {
        /// <summary>No permissions.</summary>
        None = 0,
        /// <summary>Execute permission for others.</summary>
        OtherExecute = 1,
        /// <summary>Write permission for others.</summary>
        OtherWrite = 2,
        /// <summary>Read permission for others.</summary>
        OtherRead = 4,
        /// <summary>Execute permission for the group.</summary>
        GroupExecute = 8,
        /// <summary>Write permission for the group.</summary>
        GroupWrite = 16,
        /// <summary>Read permission for the group.</summary>
        GroupRead = 32,
        /// <summary>Execute permission for the owner.</summary>
        UserExecute = 64,
        /// <summary>Write permission for the owner.</summary>
        UserWrite = 128,
        /// <summary>Read permission for the owner.</summary>
        UserRead = 256,
        /// <summary>Sticky bit.</summary>
        StickyBit = 512,
        /// <summary>Set group on execution.</summary>
        SetGroup = 1024,
        /// <summary>Set user on execution.</summary>
        SetUser = 2048,
    }
}
