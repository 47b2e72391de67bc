// ValidCode corpus: exports, reports and generated output go where the user or the build says; overwriting them is expected.
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace ValidCode.Exports
{
    public sealed record Order(int Id, string Customer, decimal Total);

    public static class CsvExporter
    {
        public static void Export(IEnumerable<Order> orders, string destinationPath)
        {
            var csv = new StringBuilder("id,customer,total\n");
            foreach (var order in orders)
            {
                csv.Append(order.Id).Append(',').Append(order.Customer).Append(',').Append(order.Total).Append('\n');
            }

            File.WriteAllText(destinationPath, csv.ToString());
        }

        public static async Task ExportJsonAsync(IEnumerable<Order> orders, string exportFile, CancellationToken cancellationToken)
        {
            await using var stream = File.Create(exportFile);
            await JsonSerializer.SerializeAsync(stream, orders.ToList(), cancellationToken: cancellationToken);
        }
    }

    public sealed class ReportGenerator
    {
        private readonly string _outputDirectory;

        public ReportGenerator(string outputDirectory)
        {
            _outputDirectory = outputDirectory;
        }

        public string WriteHtml(string title, IEnumerable<string> rows)
        {
            string target = Path.Combine(_outputDirectory, "report.html");
            using var writer = new StreamWriter(target);
            writer.WriteLine("<h1>" + title + "</h1>");
            foreach (string row in rows)
            {
                writer.WriteLine("<p>" + row + "</p>");
            }

            return target;
        }

        public void WriteSummaryXml(int count)
        {
            new XDocument(new XElement("summary", new XAttribute("count", count))).Save(Path.Combine(_outputDirectory, "summary.xml"));
        }
    }

    /// <summary>A source generator's companion tool: writes generated code into the build's output folder.</summary>
    public static class CodeEmitter
    {
        public static void Emit(string outputPath, string className, IEnumerable<string> properties)
        {
            var code = new StringBuilder("public partial class " + className + " {\n");
            foreach (string property in properties)
            {
                code.Append("    public string ").Append(property).Append(" { get; set; }\n");
            }

            File.WriteAllText(Path.Combine(outputPath, className + ".g.cs"), code.Append("}\n").ToString());
        }
    }

    /// <summary>Word traps: these names contain sensitive words only inside other words.</summary>
    public static class NlpTools
    {
        public static void SaveTokenizerOutput(string directory, IEnumerable<string> pieces) =>
            File.WriteAllLines(Path.Combine(directory, "tokenizer-output.txt"), pieces);

        public static void SaveKeyboardLayout(string directory, string layout) =>
            File.WriteAllText(Path.Combine(directory, "keyboard-layout.txt"), layout);

        public static void SaveAuthors(string directory, IEnumerable<string> names) =>
            File.WriteAllLines(Path.Combine(directory, "authors.txt"), names);

        public static void SaveMonkeyReport(string directory, string text) =>
            File.WriteAllText(Path.Combine(directory, "monkey_report.txt"), text);

        public static void SaveStatement(string directory, byte[] pdf) =>
            File.WriteAllBytes(Path.Combine(directory, "statement-2024.pdf"), pdf);
    }
}
