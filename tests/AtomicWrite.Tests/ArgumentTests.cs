using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using AtomicWrite.Tests.Infrastructure;
using Xunit;

namespace AtomicWrite.Tests
{
    /// <summary>Bad arguments fail as they do with File (same exception type) and create nothing.</summary>
    public sealed class ArgumentTests
    {
        private static readonly Dictionary<string, (Func<string, Task> File, Func<string, Task> Atomic)> Cases = new()
        {
            ["null path"] = (d => Run(() => File.WriteAllText(null!, "x")), d => Run(() => AtomicFile.WriteAllText(null!, "x"))),
            ["empty path"] = (d => Run(() => File.WriteAllText(string.Empty, "x")), d => Run(() => AtomicFile.WriteAllText(string.Empty, "x"))),
            ["NUL in path"] = (d => Run(() => File.WriteAllText(d + "/a\0b", "x")), d => Run(() => AtomicFile.WriteAllText(d + "/a\0b", "x"))),
            ["missing directory"] = (d => Run(() => File.WriteAllText(d + "/missing/x.json", "x")), d => Run(() => AtomicFile.WriteAllText(d + "/missing/x.json", "x"))),
            ["a file as directory"] = (d => Run(() => File.WriteAllText(d + "/existing/x.json", "x")), d => Run(() => AtomicFile.WriteAllText(d + "/existing/x.json", "x"))),
            ["path is a directory"] = (d => Run(() => File.WriteAllText(d + "/sub", "x")), d => Run(() => AtomicFile.WriteAllText(d + "/sub", "x"))),
            ["trailing slash"] = (d => Run(() => File.WriteAllText(d + "/new/", "x")), d => Run(() => AtomicFile.WriteAllText(d + "/new/", "x"))),
            ["null bytes"] = (d => Run(() => File.WriteAllBytes(d + "/x", null!)), d => Run(() => AtomicFile.WriteAllBytes(d + "/x", null!))),
            ["null lines array"] = (d => Run(() => File.WriteAllLines(d + "/x", (string[])null!)), d => Run(() => AtomicFile.WriteAllLines(d + "/x", (string[])null!))),
            ["null lines enumerable"] = (d => Run(() => File.WriteAllLines(d + "/x", (IEnumerable<string>)null!)), d => Run(() => AtomicFile.WriteAllLines(d + "/x", (IEnumerable<string>)null!))),
            ["null encoding (text)"] = (d => Run(() => File.WriteAllText(d + "/x", "x", null!)), d => Run(() => AtomicFile.WriteAllText(d + "/x", "x", (Encoding)null!))),
            ["null encoding (lines)"] = (d => Run(() => File.WriteAllLines(d + "/x", new[] { "a" }, null!)), d => Run(() => AtomicFile.WriteAllLines(d + "/x", new[] { "a" }, (Encoding)null!))),
            ["async null path"] = (d => File.WriteAllTextAsync(null!, "x"), d => AtomicFile.WriteAllTextAsync(null!, "x")),
            ["async null bytes"] = (d => File.WriteAllBytesAsync(d + "/x", null!), d => AtomicFile.WriteAllBytesAsync(d + "/x", null!)),
            ["async missing directory"] = (d => File.WriteAllBytesAsync(d + "/missing/x", new byte[1]), d => AtomicFile.WriteAllBytesAsync(d + "/missing/x", new byte[1])),
            ["async null lines"] = (d => File.WriteAllLinesAsync(d + "/x", null!), d => AtomicFile.WriteAllLinesAsync(d + "/x", null!)),
            ["Create null path"] = (d => Run(() => File.Create(null!).Dispose()), d => Run(() => AtomicFile.Create(null!).Dispose())),
            ["Create negative buffer"] = (d => Run(() => File.Create(d + "/x", -2).Dispose()), d => Run(() => AtomicFile.Create(d + "/x", -2).Dispose())),
            ["CreateText missing directory"] = (d => Run(() => File.CreateText(d + "/missing/x").Dispose()), d => Run(() => AtomicFile.CreateText(d + "/missing/x").Dispose())),
            ["Copy missing source"] = (d => Run(() => File.Copy(d + "/nope", d + "/x", true)), d => Run(() => AtomicFile.Copy(d + "/nope", d + "/x"))),
            ["Copy null destination"] = (d => Run(() => File.Copy(d + "/existing", null!, true)), d => Run(() => AtomicFile.Copy(d + "/existing", null!))),
            ["Delete missing directory"] = (d => Run(() => File.Delete(d + "/missing/x")), d => Run(() => AtomicFile.Delete(d + "/missing/x"))),
            ["Delete a directory"] = (d => Run(() => File.Delete(d + "/sub")), d => Run(() => AtomicFile.Delete(d + "/sub"))),
        };

        public static TheoryData<string> Names => new(Cases.Keys);

        [Theory]
        [MemberData(nameof(Names))]
        public async Task Fails_like_File_and_creates_nothing(string name)
        {
            var (file, atomic) = Cases[name];
            using var byFile = Prepared();
            using var byAtomic = Prepared();

            var expected = await Record.ExceptionAsync(() => file(byFile.Path));
            var actual = await Record.ExceptionAsync(() => atomic(byAtomic.Path));

            Assert.NotNull(expected);
            Assert.Equal(expected!.GetType(), actual?.GetType());
            Assert.Equal(byFile.Names(), byAtomic.Names());
            Assert.Empty(byAtomic.Temps());
        }

        private static TempDirectory Prepared()
        {
            var dir = new TempDirectory();
            File.WriteAllText(dir.File("existing"), "e");
            Directory.CreateDirectory(dir.File("sub"));
            return dir;
        }

        private static Task Run(Action action)
        {
            action();
            return Task.CompletedTask;
        }
    }
}
