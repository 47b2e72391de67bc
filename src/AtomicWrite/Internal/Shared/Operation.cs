namespace AtomicWrite.Internal
{
    /// <summary>What was being done when a system call failed; selects the explanation in the message.</summary>
    internal enum Operation
    {
        Resolve,
        CreateTemp,
        Write,
        Sync,
        Rotate,
        Replace,
        SyncDirectory,
        Delete,
        Read,
        Lock,
    }
}
