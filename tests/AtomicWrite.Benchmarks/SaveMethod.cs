using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace AtomicWrite.Benchmarks
{
    /// <summary>One way of saving a whole file, timed per save.</summary>
    internal abstract class SaveMethod : IDisposable
    {
        /// <summary>Command-line id (also used by the strace child runs).</summary>
        public abstract string Key { get; }

        public abstract string Name { get; }

        /// <summary>What it guarantees, for the table.</summary>
        public abstract string Does { get; }

        /// <summary>Saves and returns the elapsed time in microseconds.</summary>
        public abstract double Save(string path, string contents);

        public virtual void Dispose()
        {
        }

        /// <summary>The .NET methods of this build; the node ones are added when node and write-file-atomic are there.</summary>
        public static List<SaveMethod> DotNet()
        {
            var methods = new List<SaveMethod>
            {
                new Timed("in-place", "File.WriteAllText (in place)", "truncate + write; no fsync: not crash-safe", File.WriteAllText),
                new Timed("floor", "minimal durable sequence (floor)", "temp, write, fsync, rename, dir fsync", MinimalDurableSave.WriteAllText),
            };
            methods.AddRange(AtomicFileMethods.Create());
            return methods;
        }

        /// <summary>A .NET method, timed with the stopwatch around the call.</summary>
        internal sealed class Timed : SaveMethod
        {
            private readonly Action<string, string> _save;

            public Timed(string key, string name, string does, Action<string, string> save)
            {
                Key = key;
                Name = name;
                Does = does;
                _save = save;
            }

            public override string Key { get; }

            public override string Name { get; }

            public override string Does { get; }

            public override double Save(string path, string contents)
            {
                var start = Stopwatch.GetTimestamp();
                _save(path, contents);
                return Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
        }
    }
}
