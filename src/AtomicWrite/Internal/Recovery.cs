namespace AtomicWrite.Internal
{
    /// <summary>The recovery loader's side of the file set (completed with the loader).</summary>
    internal static class Recovery
    {
        public const string CorruptSuffix = ".corrupt";
    }
}
