namespace AtomicWriteAnalyzer
{
    public static class RuleCategories
    {
        /// <summary>Data that survives a crash, a kill, a power cut or a full disk.</summary>
        public const string Reliability = "Reliability";
    }
}
