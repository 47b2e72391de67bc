using AtomicWriteAnalyzer.Contract;

namespace AtomicWriteAnalyzer.Sensitivity
{
    /// <summary>The verdict on one path: sensitive or not, and the reason shown to the user (or why not).</summary>
    internal readonly struct SensitivityVerdict
    {
        public SensitivityVerdict(bool isSensitive, SignalKind kind, string reason)
        {
            IsSensitive = isSensitive;
            Kind = kind;
            Reason = reason;
        }

        public bool IsSensitive { get; }

        public SignalKind Kind { get; }

        /// <summary>Shown in the message: "file name contains 'token'". For a negative verdict, why it is not flagged.</summary>
        public string Reason { get; }

        public static SensitivityVerdict No(string reason) => new SensitivityVerdict(false, SignalKind.None, reason);

        public override string ToString() => (IsSensitive ? "sensitive: " : "not sensitive: ") + Reason;
    }
}
