namespace AtomicWriteAnalyzer
{
    /// <summary>Every rule id in one place, and the help link each one points at.</summary>
    public static class RuleIdentifiers
    {
        public const string InPlaceOverwrite = "AW0001";
        public const string ReadWithoutRecovery = "AW0002";
        public const string UnsafeHandRolledReplace = "AW0003";
        public const string DisposedWithoutCommit = "AW0004";
        public const string DeleteLeavesBackup = "AW0005";

        /// <summary><c>$(RepositoryUrl)/blob/main/docs/rules/&lt;id&gt;.md</c>; the URL comes from Directory.Build.props.</summary>
        public static string GetHelpUri(string id) => RepositoryInfo.Url + "/blob/main/docs/rules/" + id + ".md";
    }
}
