using System.Threading.Tasks;
using AtomicWriteAnalyzer.CodeFixes.Rules;
using AtomicWriteAnalyzer.Tests.TestKit;
using Xunit;
using Verify = AtomicWriteAnalyzer.Tests.TestKit.FixVerifier<AtomicWriteAnalyzer.Tests.TestKit.InPlaceOverwriteOnly, AtomicWriteAnalyzer.CodeFixes.Rules.InPlaceOverwriteFixer>;
using VerifyAW0004 = AtomicWriteAnalyzer.Tests.TestKit.AnalyzerVerifier<AtomicWriteAnalyzer.Rules.DisposedWithoutCommitAnalyzer>;

namespace AtomicWriteAnalyzer.Tests.Rules.InPlaceOverwrite
{
    /// <summary>AW0001's XML fix: <c>Save(path)</c> becomes a save into an <c>AtomicFile.Create</c> stream, then the commit.</summary>
    public sealed class InPlaceOverwriteXmlFixTests
    {
        public static TheoryData<string, string, string, bool> Saves => new()
        {
            // name, statements with the diagnostic, statements after the fix, async method
            {
                "XDocument.Save(path)",
                "var document = new XDocument(new XElement(\"tokens\"));\n{|AW0001:document.Save(path)|};",
                "var document = new XDocument(new XElement(\"tokens\"));\nusing (var stream = AtomicFile.Create(path))\n{\n    document.Save(stream);\n    stream.Commit();\n}",
                false
            },
            {
                "XDocument.Save(path, SaveOptions) keeps the options",
                "var document = new XDocument(new XElement(\"tokens\"));\n{|AW0001:document.Save(path, SaveOptions.DisableFormatting)|}; // compact",
                "var document = new XDocument(new XElement(\"tokens\"));\nusing (var stream = AtomicFile.Create(path))\n{\n    document.Save(stream, SaveOptions.DisableFormatting);\n    stream.Commit();\n} // compact",
                false
            },
            {
                "XElement.Save(path)",
                "var element = new XElement(\"settings\");\n{|AW0001:element.Save(path)|};",
                "var element = new XElement(\"settings\");\nusing (var stream = AtomicFile.Create(path))\n{\n    element.Save(stream);\n    stream.Commit();\n}",
                false
            },
            {
                "XmlDocument.Save(path)",
                "var document = new XmlDocument();\ndocument.LoadXml(\"<tokens/>\");\n{|AW0001:document.Save(path)|};",
                "var document = new XmlDocument();\ndocument.LoadXml(\"<tokens/>\");\nusing (var stream = AtomicFile.Create(path))\n{\n    document.Save(stream);\n    stream.Commit();\n}",
                false
            },
            {
                "a name already in use gets a number",
                "var stream = new MemoryStream();\nvar document = new XDocument(new XElement(\"tokens\"));\n{|AW0001:document.Save(path)|};\nstream.Dispose();",
                "var stream = new MemoryStream();\nvar document = new XDocument(new XElement(\"tokens\"));\nusing (var stream1 = AtomicFile.Create(path))\n{\n    document.Save(stream1);\n    stream1.Commit();\n}\nstream.Dispose();",
                false
            },
            {
                "embedded in an if",
                "var document = new XDocument(new XElement(\"tokens\"));\nif (flag)\n    {|AW0001:document.Save(path)|};",
                "var document = new XDocument(new XElement(\"tokens\"));\nif (flag)\n    using (var stream = AtomicFile.Create(path))\n    {\n        document.Save(stream);\n        stream.Commit();\n    }",
                false
            },
            {
                "async code commits asynchronously",
                "var document = new XDocument(new XElement(\"tokens\"));\n{|AW0001:document.Save(path)|};",
                "var document = new XDocument(new XElement(\"tokens\"));\nusing (var stream = AtomicFile.Create(path))\n{\n    document.Save(stream);\n    await stream.CommitAsync();\n}",
                true
            },
        };

        [Theory]
        [MemberData(nameof(Saves))]
        public async Task Xml_save_goes_through_an_atomic_stream(string name, string body, string fixedBody, bool isAsync)
        {
            _ = name;
            string source = isAsync ? Snippet.FixBody(body) : Snippet.FixSyncBody(body);
            string fixedSource = isAsync ? Snippet.FixedBody(fixedBody) : Snippet.FixedSyncBody(fixedBody);
            await Verify.VerifyAsync(source, fixedSource, InPlaceOverwriteFixer.EquivalenceKey);
            await VerifyAW0004.VerifyAnalyzerAsync(fixedSource);
        }

        public static TheoryData<string, string> NoFix => new()
        {
            { "the receiver is computed (its evaluation would move after the path's)", "{|AW0001:Build().Save(path)|};" },
            { "not a statement: an expression-bodied lambda", "Action save = () => {|AW0001:Build().Save(path)|};\nsave();" },
            { "named path argument", "var document = Build();\n{|AW0001:document.Save(fileName: path)|};" },
        };

        [Theory]
        [MemberData(nameof(NoFix))]
        public Task Xml_save_is_not_fixed(string name, string body)
        {
            _ = name;
            return Verify.VerifyNoFixAsync(Snippet.FixSyncBody(body, "private static XDocument Build() => new XDocument(new XElement(\"tokens\"));"));
        }
    }
}
