using System;

namespace AtomicWriteAnalyzer.Paths
{
    /// <summary>Where a path (or part of it) comes from, when that alone says the file is not worth protecting.</summary>
    [Flags]
    internal enum PathOrigin
    {
        None = 0,

        /// <summary><c>Path.GetTempPath()</c>, <c>%TEMP%</c>, <c>$TMPDIR</c>.</summary>
        TempDirectory = 1,

        /// <summary><c>Path.GetTempFileName()</c>.</summary>
        TempFileName = 2,

        /// <summary><c>Path.GetRandomFileName()</c>: a new file every time, never an existing one overwritten.</summary>
        RandomFileName = 4,

        /// <summary>A path the user picked (<c>SaveFileDialog.FileName</c>, a storage picker): an export, the user's call.</summary>
        UserPicked = 8,

        /// <summary>A value new on every call (<c>Guid.NewGuid()</c>, <c>DateTime.Now</c>): a new file, nothing overwritten.</summary>
        UniqueName = 16,
    }
}
