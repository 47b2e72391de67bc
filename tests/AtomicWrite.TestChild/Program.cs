using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;

namespace AtomicWrite.TestChild
{
    /// <summary>
    /// Commands the runtime tests run in a separate process (so it can be killed, run as another user or inside
    /// a namespace). Each prints machine-readable lines on stdout and flushes after each.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            Console.Out.Flush();
            var command = args.Length > 0 ? args[0] : string.Empty;
            try
            {
                switch (command)
                {
                    case "loop": return Loop(args[1], Arg(args, 2, 1), crossProcess: args.Contains("--lock"));
                    case "save": AtomicFile.WriteAllText(args[1], args[2]); Say("saved"); return 0;
                    case "save-async": AtomicFile.WriteAllTextAsync(args[1], args[2]).GetAwaiter().GetResult(); Say("saved"); return 0;
                    case "save-stream": return SaveStream(args[1], args[2]);
                    case "save-durability":
                        AtomicFile.WriteAllText(args[1], args[2], new AtomicWriteOptions { Durability = (Durability)Enum.Parse(typeof(Durability), args[3]) });
                        Say("saved");
                        return 0;
                    case "save-size": AtomicFile.WriteAllBytes(args[1], new byte[Arg(args, 2, 1)]); Say("saved"); return 0;
                    case "writers": return Writers(args[1], Arg(args, 2, 0), Arg(args, 3, 4), Arg(args, 4, 20), crossProcess: !args.Contains("--no-lock"));
                    case "hold": return Hold(args[1]);
                    case "try-save": return TrySave(args[1], args[2]);
                    case "read": Say("content " + AtomicFile.ReadAllText(args[1])); return 0;
                    case "fill-and-save": return FillAndSave(args[1], Arg(args, 2, 4096));
                    case "crash-workloads": return CrashWorkloads(args[1], args[2]);
                    case "delete":
                        AtomicFile.Delete(args[1], new AtomicWriteOptions { Durability = (Durability)Enum.Parse(typeof(Durability), args[2]) });
                        Say("deleted");
                        return 0;
                    default:
                        Console.Error.WriteLine("unknown command: " + command);
                        return 2;
                }
            }
            catch (Exception e)
            {
                var committed = e.Data.Contains("AtomicWrite.Committed") ? " [committed]" : string.Empty;
                Say("error " + e.GetType().FullName + ": " + e.Message.Replace('\n', ' ') + committed);
                return 1;
            }
        }

        /// <summary>A version document: the number, a padding that makes a torn write visible, and its own length.</summary>
        public static string Document(long version, string writer = "w")
        {
            var padding = new string((char)('a' + (version % 26)), 2000 + (int)(version % 3000));
            return "{\"version\":" + version.ToString(CultureInfo.InvariantCulture) + ",\"writer\":\"" + writer + "\",\"padding\":\"" + padding + "\",\"length\":" + padding.Length.ToString(CultureInfo.InvariantCulture) + "}";
        }

        private static int Loop(string path, int start, bool crossProcess)
        {
            var options = new AtomicWriteOptions { BackupCount = 2, CrossProcessLock = crossProcess };
            for (long version = start; ; version++)
            {
                AtomicFile.WriteAllText(path, Document(version), options);
                Say("saved " + version.ToString(CultureInfo.InvariantCulture));
            }
        }

        private static int Writers(string path, int writerId, int threads, int savesPerThread, bool crossProcess)
        {
            var options = new AtomicWriteOptions { BackupCount = 2, CrossProcessLock = crossProcess };
            var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                for (var i = 0; i < savesPerThread; i++)
                {
                    var version = (((long)writerId * 100) + t) * 100000 + i;
                    AtomicFile.WriteAllText(path, Document(version, "p" + writerId + "t" + t), options);
                }
            })).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());
            Say("done");
            return 0;
        }

        private static int SaveStream(string path, string content)
        {
            using var writer = AtomicFile.CreateText(path);
            writer.Write(content);
            writer.Commit();
            Say("saved");
            return 0;
        }

        private static int Hold(string path)
        {
            using var stream = AtomicFile.Create(path);
            stream.Write(new byte[] { 1, 2, 3 }, 0, 3);
            stream.Flush();
            Say("holding");
            Thread.Sleep(Timeout.Infinite);
            return 0;
        }

        private static int TrySave(string path, string content)
        {
            AtomicFile.WriteAllText(path, content);
            Say("saved");
            return 0;
        }

        private static int FillAndSave(string directory, int newSize)
        {
            var path = Path.Combine(directory, "tokens.json");
            AtomicFile.WriteAllText(path, "{\"v\":1}");
            AtomicFile.WriteAllText(path, "{\"v\":2}");
            try
            {
                using var filler = new FileStream(Path.Combine(directory, "filler"), FileMode.Create);
                var block = new byte[4096];
                Array.Fill(block, (byte)'x');
                while (true)
                {
                    filler.Write(block, 0, block.Length);
                    filler.Flush();
                }
            }
            catch (IOException)
            {
                Say("disk full");
            }

            try
            {
                AtomicFile.WriteAllText(path, new string('n', newSize));
                Say("saved");
            }
            catch (IOException e)
            {
                Say("error " + e.GetType().FullName + ": " + e.Message.Replace('\n', ' '));
            }

            try
            {
                // Small writes stay in the stream's buffer until Commit flushes them into the full disk.
                using var stream = AtomicFile.Create(path);
                for (var i = 0; i < 40; i++)
                {
                    stream.Write(new byte[] { (byte)'b', (byte)'u', (byte)'f' }, 0, 3);
                }

                stream.Commit();
                Say("buffered saved");
            }
            catch (IOException e)
            {
                Say("buffered error " + e.GetType().FullName + ": " + e.Message.Replace('\n', ' '));
            }

            Say("primary " + File.ReadAllText(path));
            Say("backup " + File.ReadAllText(path + ".bak"));
            Say("entries " + string.Join(",", Directory.GetFileSystemEntries(directory).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal)));
            return 0;
        }

        /// <summary>Runs every crash workload in its own directory (base/index), announcing each step on the marker file
        /// with one write each, so that the trace shows where a workload starts and where each operation returned.</summary>
        private static int CrashWorkloads(string baseDirectory, string markerPath)
        {
            using var marker = File.OpenHandle(markerPath, FileMode.Create, FileAccess.Write);
            long position = 0;
            void Mark(string text)
            {
                var bytes = System.Text.Encoding.ASCII.GetBytes(text + "\n");
                RandomAccess.Write(marker, bytes, position);
                position += bytes.Length;
            }

            for (var i = 0; i < CrashWorkload.All.Count; i++)
            {
                var workload = CrashWorkload.All[i];
                var directory = Path.Combine(baseDirectory, i.ToString(CultureInfo.InvariantCulture));
                Mark("begin " + i.ToString(CultureInfo.InvariantCulture));
                workload.Run(directory, v => Mark("returned " + v.ToString(CultureInfo.InvariantCulture)));
                Mark("end " + i.ToString(CultureInfo.InvariantCulture));
            }

            Say("done");
            return 0;
        }

        private static int Arg(string[] args, int index, int fallback) =>
            args.Length > index && int.TryParse(args[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

        private static void Say(string line)
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }
}
