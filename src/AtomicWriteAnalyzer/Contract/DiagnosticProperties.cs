using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AtomicWriteAnalyzer.Contract
{
    /// <summary>
    /// The one way <c>Diagnostic.Properties</c> are written (by the rules) and read (by the fixes), typed on both
    /// sides so that a value the analyzer sends is a value the fix knows. Keys are <see cref="DiagnosticPropertyNames"/>,
    /// values the names in <see cref="ContractNames"/>.
    /// </summary>
    internal sealed class DiagnosticProperties
    {
        private readonly ImmutableDictionary<string, string?> _properties;

        private DiagnosticProperties(ImmutableDictionary<string, string?> properties)
        {
            _properties = properties;
        }

        /// <summary>Starts the properties of a diagnostic about a call of that shape, named in messages as <paramref name="api"/>.</summary>
        public static Builder For(CallShape shape, string api, CallFamily family) => new Builder(shape, api, family);

        /// <summary>The properties of a diagnostic, as a fix reads them.</summary>
        public static DiagnosticProperties Of(Diagnostic diagnostic) => new DiagnosticProperties(diagnostic.Properties);

        public CallShape? Shape => ContractNames.Parse<CallShape>(Get(DiagnosticPropertyNames.Shape));

        /// <summary>Whether the analyzer judged the call fixable (<see cref="DiagnosticPropertyNames.Fixable"/>).</summary>
        public bool Fixable => Get(DiagnosticPropertyNames.Fixable) == DiagnosticPropertyNames.True;

        /// <summary>The file as the message shows it, for fix titles.</summary>
        public string FileName => Get(DiagnosticPropertyNames.FileName) ?? "the file";

        public ReadFix? ReadFix => ContractNames.Parse<ReadFix>(Get(DiagnosticPropertyNames.Fix));

        public ReplaceFix? ReplaceFix => ContractNames.Parse<ReplaceFix>(Get(DiagnosticPropertyNames.Fix));

        private string? Get(string key) => _properties.TryGetValue(key, out string? value) ? value : null;

        /// <summary>Collects one diagnostic's properties; each rule sets what it sends (see <see cref="DiagnosticPropertyNames"/>).</summary>
        public sealed class Builder
        {
            private readonly ImmutableDictionary<string, string?>.Builder _properties = ImmutableDictionary.CreateBuilder<string, string?>();

            internal Builder(CallShape shape, string api, CallFamily family)
            {
                _properties.Add(DiagnosticPropertyNames.Shape, shape.Name());
                _properties.Add(DiagnosticPropertyNames.Api, api);
                _properties.Add(DiagnosticPropertyNames.Family, family.Name());
            }

            public Builder Fixable(bool fixable) => Set(DiagnosticPropertyNames.Fixable, fixable ? DiagnosticPropertyNames.True : DiagnosticPropertyNames.False);

            public Builder FileName(string file) => Set(DiagnosticPropertyNames.FileName, file);

            /// <summary>Why the path counts as sensitive, and which kind of signal said so.</summary>
            public Builder Sensitivity(string reason, SignalKind signal) =>
                Set(DiagnosticPropertyNames.Reason, reason).Set(DiagnosticPropertyNames.Signal, signal.Name());

            public Builder Fix(ReadFix fix) => Set(DiagnosticPropertyNames.Fix, fix.Name());

            public Builder Fix(ReplaceFix fix) => Set(DiagnosticPropertyNames.Fix, fix.Name());

            public Builder Problems(IEnumerable<ReplaceProblem> problems)
            {
                var names = new List<string>();
                foreach (var problem in problems)
                {
                    names.Add(problem.Name());
                }

                return Set(DiagnosticPropertyNames.Problems, string.Join(",", names));
            }

            public ImmutableDictionary<string, string?> Build() => _properties.ToImmutable();

            private Builder Set(string key, string value)
            {
                _properties[key] = value;
                return this;
            }
        }
    }
}
