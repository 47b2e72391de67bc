using System;
using System.IO;
using System.Linq;
using AtomicWrite.Tests.Infrastructure;
using Xunit;

namespace AtomicWrite.Tests
{
    /// <summary>Full disks, file size limits and bind mounts, in a child process (inside a user + mount namespace where needed).</summary>
    public sealed class ResourceLimitTests
    {
        [SkippableFact]
        public void A_full_disk_keeps_the_old_file_and_its_backup_and_leaves_no_temp()
        {
            Skip.If(Tools.UserNamespacesUnavailable != null, Tools.UserNamespacesUnavailable);
            using var dir = new TempDirectory();
            var mount = dir.File("tiny");
            Directory.CreateDirectory(mount);

            var lines = Child.Run(
                new[] { "fill-and-save", mount, "200000" },
                new[] { "unshare", "-Urm", "sh", "-c", "mount -t tmpfs -o size=512k tmpfs \"$0\" && exec \"$@\"", mount });

            Assert.Contains("disk full", lines);
            var buffered = lines.Single(l => l.StartsWith("buffered ", StringComparison.Ordinal));
            Assert.StartsWith("buffered error System.IO.IOException:", buffered, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(mount, "tokens.json") + "'", buffered, StringComparison.Ordinal);
            var error = lines.Single(l => l.StartsWith("error ", StringComparison.Ordinal));
            Assert.StartsWith("error System.IO.IOException:", error, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(mount, "tokens.json"), error, StringComparison.Ordinal);
            Assert.Contains("left unchanged", error, StringComparison.Ordinal);
            Assert.Contains("primary {\"v\":2}", lines);
            Assert.Contains("backup {\"v\":1}", lines);
            Assert.Contains("entries filler,tokens.json,tokens.json.bak", lines);
        }

        [SkippableFact]
        public void A_file_size_limit_becomes_an_IOException_naming_the_path()
        {
            Skip.IfNot(Tools.Has("bash"), "bash is needed to set ulimit -f");
            using var dir = new TempDirectory();
            var path = dir.File("tokens.json");
            File.WriteAllText(path, "old");

            // SIGXFSZ would kill the process; ignored (inherited through exec), the write fails with EFBIG instead.
            // W^X off: the runtime's double-mapped code heap is a file too, and would hit the limit before we do.
            var lines = Child.Run(
                new[] { "save-size", path, "300000" },
                new[] { "env", "DOTNET_EnableWriteXorExecute=0", "bash", "-c", "trap '' XFSZ; ulimit -f 100; exec \"$@\"", "bash" });

            var error = lines.SingleOrDefault(l => l.StartsWith("error ", StringComparison.Ordinal));
            Assert.True(error != null, string.Join(" | ", lines));
            Assert.StartsWith("error System.IO.IOException:", error, StringComparison.Ordinal);
            Assert.Contains(path, error, StringComparison.Ordinal);
            Assert.Contains("RLIMIT_FSIZE", error, StringComparison.Ordinal);
            Assert.Equal("old", File.ReadAllText(path));
            Assert.Equal(new[] { "tokens.json" }, dir.Names());
        }

        [SkippableFact]
        public void A_bind_mounted_single_file_is_explained()
        {
            Skip.If(Tools.UserNamespacesUnavailable != null, Tools.UserNamespacesUnavailable);
            using var dir = new TempDirectory();
            var target = dir.File("mounted.json");
            File.WriteAllText(dir.File("host.json"), "host");
            File.WriteAllText(target, "placeholder");

            var lines = Child.Run(
                new[] { "try-save", target, "new" },
                new[] { "unshare", "-Urm", "sh", "-c", "mount --bind \"$0\" \"$1\" && shift && exec \"$@\"", dir.File("host.json"), target });

            var error = lines.SingleOrDefault(l => l.StartsWith("error ", StringComparison.Ordinal));
            Assert.True(error != null, string.Join(" | ", lines));
            Assert.StartsWith("error System.IO.IOException:", error, StringComparison.Ordinal);
            Assert.Contains("bind-mounted", error, StringComparison.Ordinal);
            Assert.Equal("host", File.ReadAllText(dir.File("host.json")));
            Assert.Empty(dir.Temps());
        }
    }
}
