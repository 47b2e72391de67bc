using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AtomicWriteAnalyzer.Trial
{
    /// <summary>The same <c>.editorconfig</c> keys for every file, as one line under <c>[*.cs]</c> would give.</summary>
    internal sealed class FixedOptions : AnalyzerConfigOptionsProvider
    {
        private readonly Values _values;

        public FixedOptions(IReadOnlyDictionary<string, string> values) => _values = new Values(values);

        public override AnalyzerConfigOptions GlobalOptions => _values;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _values;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _values;

        private sealed class Values : AnalyzerConfigOptions
        {
            private readonly IReadOnlyDictionary<string, string> _values;

            public Values(IReadOnlyDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }

        public static AnalyzerOptions Of(IReadOnlyDictionary<string, string> values) =>
            new(ImmutableArray<AdditionalText>.Empty, new FixedOptions(values));
    }
}
