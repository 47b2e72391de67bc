using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AtomicWrite.Tests.Infrastructure;
using Xunit;

namespace AtomicWrite.Tests
{
    /// <summary>Every File.ReadAll* call shape compiles unchanged against AtomicFile and reads what File reads.</summary>
    public sealed class ReadCallShapeTests
    {
        private static readonly CancellationToken Token = CancellationToken.None;

        private static readonly Dictionary<string, (Func<string, Task<object>> File, Func<string, Task<object>> Atomic)> Shapes = new()
        {
            ["ReadAllText(p)"] = (p => Done(File.ReadAllText(p)), p => Done(AtomicFile.ReadAllText(p))),
            ["ReadAllText(p, Latin1)"] = (p => Done(File.ReadAllText(p, Encoding.Latin1)), p => Done(AtomicFile.ReadAllText(p, Encoding.Latin1))),
            ["ReadAllText(path:, encoding:)"] = (p => Done(File.ReadAllText(path: p, encoding: Encoding.UTF8)), p => Done(AtomicFile.ReadAllText(path: p, encoding: Encoding.UTF8))),
            ["ReadAllBytes(p)"] = (p => Done(File.ReadAllBytes(p)), p => Done(AtomicFile.ReadAllBytes(p))),
            ["ReadAllLines(p)"] = (p => Done(File.ReadAllLines(p)), p => Done(AtomicFile.ReadAllLines(p))),
            ["ReadAllLines(p, Unicode)"] = (p => Done(File.ReadAllLines(p, Encoding.Unicode)), p => Done(AtomicFile.ReadAllLines(p, Encoding.Unicode))),
            ["ReadAllTextAsync(p)"] = (async p => await File.ReadAllTextAsync(p), async p => await AtomicFile.ReadAllTextAsync(p)),
            ["ReadAllTextAsync(p, ct)"] = (async p => await File.ReadAllTextAsync(p, Token), async p => await AtomicFile.ReadAllTextAsync(p, Token)),
            ["ReadAllTextAsync(p, UTF8, ct)"] = (async p => await File.ReadAllTextAsync(p, Encoding.UTF8, Token), async p => await AtomicFile.ReadAllTextAsync(p, Encoding.UTF8, Token)),
            ["ReadAllBytesAsync(p)"] = (async p => await File.ReadAllBytesAsync(p), async p => await AtomicFile.ReadAllBytesAsync(p)),
            ["ReadAllBytesAsync(p, cancellationToken:)"] = (async p => await File.ReadAllBytesAsync(p, cancellationToken: Token), async p => await AtomicFile.ReadAllBytesAsync(p, cancellationToken: Token)),
            ["ReadAllLinesAsync(p)"] = (async p => await File.ReadAllLinesAsync(p), async p => await AtomicFile.ReadAllLinesAsync(p)),
            ["ReadAllLinesAsync(p, Latin1, ct)"] = (async p => await File.ReadAllLinesAsync(p, Encoding.Latin1, Token), async p => await AtomicFile.ReadAllLinesAsync(p, Encoding.Latin1, Token)),
        };

        private static readonly Dictionary<string, byte[]> Contents = new()
        {
            ["utf-8 lines"] = Encoding.UTF8.GetBytes("fïrst\nsecond\r\nthird\rfourth"),
            ["utf-8 with BOM"] = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("bom\n")),
            ["utf-16 with BOM"] = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("wide\nlines")),
            ["latin-1 bytes"] = new byte[] { 0x63, 0x61, 0x66, 0xE9, 0x0A },
        };

        public static TheoryData<string, string> Cases
        {
            get
            {
                var data = new TheoryData<string, string>();
                foreach (var shape in Shapes.Keys)
                {
                    foreach (var content in Contents.Keys)
                    {
                        data.Add(shape, content);
                    }
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task Reads_what_File_reads(string shape, string content)
        {
            using var dir = new TempDirectory();
            var path = dir.File("settings.txt");
            File.WriteAllBytes(path, Contents[content]);
            var (file, atomic) = Shapes[shape];

            Assert.Equal(await file(path), await atomic(path));
            Assert.Equal(new[] { "settings.txt" }, dir.Names());
        }

        [Fact]
        public void Typed_lambdas_pick_the_string_or_the_Stream_overload_of_Load()
        {
            using var dir = new TempDirectory();
            var path = dir.File("tokens.json");
            AtomicFile.WriteAllText(path, "{\"Name\":\"n\",\"Count\":3}");

            // Untyped, 'text => JsonSerializer.Deserialize<Doc>(text)' is ambiguous: Deserialize takes a string or a Stream.
            var fromText = AtomicFile.Load(path, (string text) => JsonSerializer.Deserialize<Doc>(text)!);
            var fromStream = AtomicFile.Load(path, (Stream stream) => JsonSerializer.Deserialize<Doc>(stream)!);
            var overloads = new List<string>();
            AtomicFile.Load(path, (string text) => { overloads.Add(text.GetType().Name); return 0; });
            AtomicFile.Load(path, (Stream stream) => { overloads.Add(stream.GetType().Name); return 0; });

            Assert.Equal(new Doc { Name = "n", Count = 3 }, fromText);
            Assert.Equal(fromText, fromStream);
            Assert.Equal(new[] { "String", "MemoryStream" }, overloads);
        }

        [Fact]
        public async Task LoadAsync_takes_a_string_parser_or_an_asynchronous_stream_parser()
        {
            using var dir = new TempDirectory();
            var path = dir.File("tokens.json");
            AtomicFile.WriteAllText(path, "{\"Name\":\"n\",\"Count\":3}");

            var fromText = await AtomicFile.LoadAsync(path, text => JsonSerializer.Deserialize<Doc>(text)!);
            var fromStream = await AtomicFile.LoadAsync(path, async (stream, ct) => (await JsonSerializer.DeserializeAsync<Doc>(stream, cancellationToken: ct))!);

            Assert.Equal(new Doc { Name = "n", Count = 3 }, fromText);
            Assert.Equal(fromText, fromStream);
        }

        private static Task<object> Done(object value) => Task.FromResult(value);

        public sealed record Doc
        {
            public string? Name { get; init; }

            public int Count { get; init; }
        }
    }

    internal static class ByteArrayExtensions
    {
        public static byte[] Concat(this byte[] first, byte[] second)
        {
            var result = new byte[first.Length + second.Length];
            first.CopyTo(result, 0);
            second.CopyTo(result, first.Length);
            return result;
        }
    }
}
