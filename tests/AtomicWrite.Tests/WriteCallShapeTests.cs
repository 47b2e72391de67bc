using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AtomicWrite.Tests.Infrastructure;
using Xunit;

namespace AtomicWrite.Tests
{
    /// <summary>
    /// Every call shape of File.WriteAll* compiles unchanged against AtomicFile (the code fixes swap only the type
    /// name) and writes the same bytes. Each row spells the call twice, identically but for the type.
    /// </summary>
    public sealed class WriteCallShapeTests
    {
        private static readonly string[] LineArray = { "first", "sécond", string.Empty, "last" };
        private static readonly List<string> LineList = LineArray.ToList();
        private static readonly byte[] Bytes = { 0, 1, 2, 254, 255, (byte)'x' };
        private static readonly CancellationToken Token = CancellationToken.None;
        private static readonly byte[] Big = Enumerable.Range(0, 200 * 1024).Select(i => (byte)(i * 7)).ToArray();

        private static readonly Dictionary<string, (Action<string> File, Action<string> Atomic)> Sync = new()
        {
            ["WriteAllText(p, text)"] = (p => File.WriteAllText(p, "héllo wörld"), p => AtomicFile.WriteAllText(p, "héllo wörld")),
            ["WriteAllText(p, null)"] = (p => File.WriteAllText(p, null), p => AtomicFile.WriteAllText(p, null)),
            ["WriteAllText(p, empty)"] = (p => File.WriteAllText(p, string.Empty), p => AtomicFile.WriteAllText(p, string.Empty)),
            ["WriteAllText(p, interpolated)"] = (p => File.WriteAllText(p, $"n={Bytes.Length}"), p => AtomicFile.WriteAllText(p, $"n={Bytes.Length}")),
            ["WriteAllText(path:, contents:)"] = (p => File.WriteAllText(path: p, contents: "named"), p => AtomicFile.WriteAllText(path: p, contents: "named")),
            ["WriteAllText(p, text, UTF8)"] = (p => File.WriteAllText(p, "bom", Encoding.UTF8), p => AtomicFile.WriteAllText(p, "bom", Encoding.UTF8)),
            ["WriteAllText(p, text, Unicode)"] = (p => File.WriteAllText(p, "utf16", Encoding.Unicode), p => AtomicFile.WriteAllText(p, "utf16", Encoding.Unicode)),
            ["WriteAllText(p, null, UTF8)"] = (p => File.WriteAllText(p, null, Encoding.UTF8), p => AtomicFile.WriteAllText(p, null, Encoding.UTF8)),
            ["WriteAllText(p, text, encoding:)"] = (p => File.WriteAllText(p, "ascii", encoding: Encoding.ASCII), p => AtomicFile.WriteAllText(p, "ascii", encoding: Encoding.ASCII)),
            ["WriteAllText(p, span)"] = (p => File.WriteAllText(p, "späns".AsSpan()), p => AtomicFile.WriteAllText(p, "späns".AsSpan())),
            ["WriteAllText(p, span, UTF32)"] = (p => File.WriteAllText(p, "späns".AsSpan(), Encoding.UTF32), p => AtomicFile.WriteAllText(p, "späns".AsSpan(), Encoding.UTF32)),
            ["WriteAllText(p, long span)"] = (p => File.WriteAllText(p, new string('z', 100_000).AsSpan()), p => AtomicFile.WriteAllText(p, new string('z', 100_000).AsSpan())),
            ["WriteAllBytes(p, array)"] = (p => File.WriteAllBytes(p, Bytes), p => AtomicFile.WriteAllBytes(p, Bytes)),
            ["WriteAllBytes(p, empty)"] = (p => File.WriteAllBytes(p, Array.Empty<byte>()), p => AtomicFile.WriteAllBytes(p, Array.Empty<byte>())),
            ["WriteAllBytes(p, span)"] = (p => File.WriteAllBytes(p, Bytes.AsSpan(1, 3)), p => AtomicFile.WriteAllBytes(p, Bytes.AsSpan(1, 3))),
            ["WriteAllBytes(p, [collection])"] = (p => File.WriteAllBytes(p, [1, 2, 3]), p => AtomicFile.WriteAllBytes(p, [1, 2, 3])),
            ["WriteAllBytes(p, 200 KiB)"] = (p => File.WriteAllBytes(p, Big), p => AtomicFile.WriteAllBytes(p, Big)),
            ["WriteAllLines(p, array)"] = (p => File.WriteAllLines(p, LineArray), p => AtomicFile.WriteAllLines(p, LineArray)),
            ["WriteAllLines(p, list)"] = (p => File.WriteAllLines(p, LineList), p => AtomicFile.WriteAllLines(p, LineList)),
            ["WriteAllLines(p, query)"] = (p => File.WriteAllLines(p, LineList.Where(l => l.Length > 0)), p => AtomicFile.WriteAllLines(p, LineList.Where(l => l.Length > 0))),
            ["WriteAllLines(p, array, UTF8)"] = (p => File.WriteAllLines(p, LineArray, Encoding.UTF8), p => AtomicFile.WriteAllLines(p, LineArray, Encoding.UTF8)),
            ["WriteAllLines(p, list, Latin1)"] = (p => File.WriteAllLines(p, LineList, Encoding.Latin1), p => AtomicFile.WriteAllLines(p, LineList, Encoding.Latin1)),
        };

        private static readonly Dictionary<string, (Func<string, Task> File, Func<string, Task> Atomic)> Async = new()
        {
            ["WriteAllTextAsync(p, text)"] = (p => File.WriteAllTextAsync(p, "async"), p => AtomicFile.WriteAllTextAsync(p, "async")),
            ["WriteAllTextAsync(p, text, ct)"] = (p => File.WriteAllTextAsync(p, "async", Token), p => AtomicFile.WriteAllTextAsync(p, "async", Token)),
            ["WriteAllTextAsync(p, text, cancellationToken:)"] = (p => File.WriteAllTextAsync(p, "async", cancellationToken: Token), p => AtomicFile.WriteAllTextAsync(p, "async", cancellationToken: Token)),
            ["WriteAllTextAsync(p, text, UTF8)"] = (p => File.WriteAllTextAsync(p, "async", Encoding.UTF8), p => AtomicFile.WriteAllTextAsync(p, "async", Encoding.UTF8)),
            ["WriteAllTextAsync(p, text, Unicode, ct)"] = (p => File.WriteAllTextAsync(p, "async", Encoding.Unicode, Token), p => AtomicFile.WriteAllTextAsync(p, "async", Encoding.Unicode, Token)),
            ["WriteAllTextAsync(p, (string?)null)"] = (p => File.WriteAllTextAsync(p, (string?)null), p => AtomicFile.WriteAllTextAsync(p, (string?)null)),
            ["WriteAllTextAsync(p, memory)"] = (p => File.WriteAllTextAsync(p, "mémory".AsMemory()), p => AtomicFile.WriteAllTextAsync(p, "mémory".AsMemory())),
            ["WriteAllTextAsync(p, memory, UTF32, ct)"] = (p => File.WriteAllTextAsync(p, "mémory".AsMemory(), Encoding.UTF32, Token), p => AtomicFile.WriteAllTextAsync(p, "mémory".AsMemory(), Encoding.UTF32, Token)),
            ["WriteAllTextAsync(p, 100 K chars)"] = (p => File.WriteAllTextAsync(p, new string('q', 100_000)), p => AtomicFile.WriteAllTextAsync(p, new string('q', 100_000))),
            ["WriteAllBytesAsync(p, array)"] = (p => File.WriteAllBytesAsync(p, Bytes), p => AtomicFile.WriteAllBytesAsync(p, Bytes)),
            ["WriteAllBytesAsync(p, array, ct)"] = (p => File.WriteAllBytesAsync(p, Bytes, Token), p => AtomicFile.WriteAllBytesAsync(p, Bytes, Token)),
            ["WriteAllBytesAsync(p, memory)"] = (p => File.WriteAllBytesAsync(p, Bytes.AsMemory(2)), p => AtomicFile.WriteAllBytesAsync(p, Bytes.AsMemory(2))),
            ["WriteAllBytesAsync(p, 200 KiB)"] = (p => File.WriteAllBytesAsync(p, Big), p => AtomicFile.WriteAllBytesAsync(p, Big)),
            ["WriteAllLinesAsync(p, list)"] = (p => File.WriteAllLinesAsync(p, LineList), p => AtomicFile.WriteAllLinesAsync(p, LineList)),
            ["WriteAllLinesAsync(p, array, ct)"] = (p => File.WriteAllLinesAsync(p, LineArray, Token), p => AtomicFile.WriteAllLinesAsync(p, LineArray, Token)),
            ["WriteAllLinesAsync(p, list, UTF8)"] = (p => File.WriteAllLinesAsync(p, LineList, Encoding.UTF8), p => AtomicFile.WriteAllLinesAsync(p, LineList, Encoding.UTF8)),
            ["WriteAllLinesAsync(p, list, Unicode, ct)"] = (p => File.WriteAllLinesAsync(p, LineList, Encoding.Unicode, Token), p => AtomicFile.WriteAllLinesAsync(p, LineList, Encoding.Unicode, Token)),
        };

        public static TheoryData<string> SyncShapes => new(Sync.Keys);

        public static TheoryData<string> AsyncShapes => new(Async.Keys);

        [Theory]
        [MemberData(nameof(SyncShapes))]
        public void Writes_what_File_writes(string shape)
        {
            using var dir = new TempDirectory();
            var (file, atomic) = Sync[shape];
            file(dir.File("by-file"));
            atomic(dir.File("by-atomic"));
            atomic(dir.File("by-atomic")); // a second save replaces an existing file (and makes a backup)

            Assert.Equal(File.ReadAllBytes(dir.File("by-file")), File.ReadAllBytes(dir.File("by-atomic")));
            Assert.Empty(dir.Temps());
        }

        [Theory]
        [MemberData(nameof(AsyncShapes))]
        public async Task Writes_what_File_writes_async(string shape)
        {
            using var dir = new TempDirectory();
            var (file, atomic) = Async[shape];
            await file(dir.File("by-file"));
            await atomic(dir.File("by-atomic"));
            await atomic(dir.File("by-atomic"));

            Assert.Equal(File.ReadAllBytes(dir.File("by-file")), File.ReadAllBytes(dir.File("by-atomic")));
            Assert.Empty(dir.Temps());
        }
    }
}
