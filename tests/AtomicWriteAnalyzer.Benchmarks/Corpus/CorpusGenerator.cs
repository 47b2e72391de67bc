using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace AtomicWriteAnalyzer.Benchmarks.Corpus
{
    /// <summary>One generated source file and what is in it.</summary>
    internal sealed class GeneratedFile
    {
        public GeneratedFile(string name, string text, IReadOnlyList<string> memberKinds)
        {
            Name = name;
            Text = text;
            MemberKinds = memberKinds;
        }

        public string Name { get; }

        public string Text { get; }

        /// <summary>One entry per generated method (storage classes count their own methods).</summary>
        public IReadOnlyList<string> MemberKinds { get; }
    }

    /// <summary>
    /// A deterministic corpus of realistic C#: per file an enum, an entity with properties, and a service with fields
    /// and 6–10 methods, about one method in twenty touching a file. File i depends only on i, so the 500-file corpus
    /// is the first 500 files of the 8,000-file one and time per file compares like with like.
    /// </summary>
    internal sealed class CorpusGenerator
    {
        /// <summary>A method slot becomes a file-touching one with probability 1/23; storage classes add two such methods, so about one method in twenty touches a file.</summary>
        public const int FileMethodOneIn = 23;
        private const ulong Seed = 0xA70_11C_F11E;

        private static readonly string[] Areas = { "Billing", "Shipping", "Identity", "Catalog", "Telemetry", "Scheduling", "Inventory", "Support" };
        private static readonly string[] Nouns = { "Order", "Invoice", "Customer", "Shipment", "Product", "Ticket", "Account", "Device", "Booking", "Payment", "Sensor", "Route" };

        private readonly IReadOnlyList<Func<MethodContext, GeneratedMember>> _fileMethods;

        public CorpusGenerator(bool atomicFileAvailable)
        {
            AtomicFileAvailable = atomicFileAvailable;
            _fileMethods = FileAccessMethods.Get(atomicFileAvailable);
        }

        public bool AtomicFileAvailable { get; }

        public IEnumerable<GeneratedFile> Generate(int count) => Enumerable.Range(0, count).Select(GenerateFile);

        public GeneratedFile GenerateFile(int index)
        {
            var rng = new DeterministicRandom(Seed ^ ((ulong)index * 0x9E3779B97F4A7C15UL));
            var area = rng.Pick(Areas);
            var entity = rng.Pick(Nouns) + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var methodCount = 6 + rng.Next(5);

            var members = new List<GeneratedMember>();
            for (var slot = 0; slot < methodCount; slot++)
            {
                var context = new MethodContext(index, slot, entity);
                members.Add(rng.OneIn(FileMethodOneIn)
                    ? _fileMethods[rng.Next(_fileMethods.Count)](context)
                    : new GeneratedMember(rng.Pick(OrdinaryMethods.All)(context), Corpus.MemberKinds.Ordinary));
            }

            var kinds = new List<string>();
            foreach (var member in members)
            {
                kinds.Add(member.Kind);
                kinds.AddRange(Enumerable.Repeat(Corpus.MemberKinds.StorageClass, member.CompanionFileMethods));
            }

            var text = Render(area, index, entity, members);
            return new GeneratedFile($"{area}/{entity}.cs", text, kinds);
        }

        private string Render(string area, int index, string entity, List<GeneratedMember> members)
        {
            var sb = new StringBuilder();
            sb.Append("""
                using System;
                using System.Collections.Generic;
                using System.Globalization;
                using System.IO;
                using System.Linq;
                using System.Text;
                using System.Text.Json;
                using System.Threading;
                using System.Threading.Tasks;
                using AtomicWrite;

                """);
            sb.Append($$"""

                namespace Contoso.{{area}}.Module{{index:D4}}
                {
                    public enum {{entity}}Status
                    {
                        Pending,
                        Active,
                        Suspended,
                        Closed,
                    }

                    public sealed class {{entity}}
                    {
                        public {{entity}}(int id, string name, decimal amount, DateTime createdAt)
                        {
                            Id = id;
                            Name = name;
                            Amount = amount;
                            CreatedAt = createdAt;
                        }

                        public int Id { get; }

                        public string Name { get; set; }

                        public decimal Amount { get; set; }

                        public DateTime CreatedAt { get; }

                        public {{entity}}Status Status { get; set; } = {{entity}}Status.Pending;

                        public List<string> Tags { get; } = new List<string>();

                        public override string ToString() => $"{{entity}} #{Id} {Name} ({Amount.ToString("F2", CultureInfo.InvariantCulture)})";
                    }

                    public sealed class {{entity}}Service
                    {
                        private readonly List<{{entity}}> _items = new List<{{entity}}>();
                        private readonly Dictionary<int, {{entity}}> _byId = new Dictionary<int, {{entity}}>();
                        private readonly string _dataDirectory;
                        private int _version;

                        public {{entity}}Service(string dataDirectory)
                        {
                            _dataDirectory = dataDirectory ?? throw new ArgumentNullException(nameof(dataDirectory));
                        }

                        public string Name { get; set; } = "{{entity.ToLowerInvariant()}}";

                        public int Count => _items.Count;

                        private static bool TryParseLine(string line, out {{entity}}? item)
                        {
                            var parts = line.Split(';');
                            item = parts.Length == 2 && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                                ? new {{entity}}(id, parts[1], 0m, DateTime.UtcNow)
                                : null;
                            return item is not null;
                        }

                """);
            sb.AppendLine(string.Join(Environment.NewLine + Environment.NewLine, members.Select(m => m.Code)));
            sb.AppendLine("    }");
            foreach (var companion in members.Select(m => m.CompanionType).OfType<string>())
            {
                sb.AppendLine().AppendLine(companion);
            }

            sb.AppendLine("}");
            return sb.ToString();
        }
    }
}
