using System;
using System.Globalization;

namespace AtomicWriteAnalyzer.Tests.Robustness
{
    /// <summary>
    /// How much fuzzing to do, from the environment. A plain <c>dotnet test</c> runs a few hundred inputs; <c>.ci/run</c>
    /// sets <c>ATOMICWRITE_FUZZ_INPUTS=2000</c> within a time budget; a long run by hand sets 10000 and more seconds.
    /// </summary>
    internal sealed class FuzzSettings
    {
        public const string InputsVariable = "ATOMICWRITE_FUZZ_INPUTS";
        public const string SecondsVariable = "ATOMICWRITE_FUZZ_SECONDS";
        public const string SeedVariable = "ATOMICWRITE_FUZZ_SEED";
        public const string OnlyVariable = "ATOMICWRITE_FUZZ_ONLY";
        public const string ReportVariable = "ATOMICWRITE_FUZZ_REPORT";

        /// <summary>
        /// The hang detector: no input may take this long to analyze (or to fix). Generous on purpose: a 2-core CI
        /// machine running other test assemblies at the same time analyzes a small file in well under a second.
        /// </summary>
        public static readonly TimeSpan PerDocumentBound = TimeSpan.FromSeconds(10);

        private FuzzSettings(int inputs, TimeSpan budget, int seed, int? only, string? report)
        {
            Inputs = inputs;
            Budget = budget;
            Seed = seed;
            Only = only;
            Report = report;
        }

        /// <summary>How many inputs to generate (input i is the same on every run with the same seed and corpus).</summary>
        public int Inputs { get; }

        /// <summary>Stop generating inputs after this long (the inputs that ran are reported).</summary>
        public TimeSpan Budget { get; }

        public int Seed { get; }

        /// <summary>Run only this input index (to reproduce a failure).</summary>
        public int? Only { get; }

        /// <summary>A file to append the summary line to, for CI logs.</summary>
        public string? Report { get; }

        public static FuzzSettings FromEnvironment() => new FuzzSettings(
            Read(InputsVariable) ?? 300,
            TimeSpan.FromSeconds(Read(SecondsVariable) ?? 90),
            Read(SeedVariable) ?? 14,
            Read(OnlyVariable),
            Environment.GetEnvironmentVariable(ReportVariable));

        public override string ToString() =>
            $"{InputsVariable}={Inputs}, {SecondsVariable}={Budget.TotalSeconds:0}, {SeedVariable}={Seed}" + (Only != null ? $", {OnlyVariable}={Only}" : "");

        private static int? Read(string variable)
        {
            string? value = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) || parsed < 0)
            {
                throw new InvalidOperationException($"{variable}='{value}' is not a non-negative integer");
            }

            return parsed;
        }
    }
}
