using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using AtomicWrite.Platform;

namespace AtomicWrite.Internal
{
    /// <summary>
    /// Exclusive advisory lock on <c>path + ".lock"</c>, so saves and restores from several processes keep one
    /// consistent backup chain. The target itself is never locked: .NET takes a shared flock on every file it opens,
    /// and locking the target would block (or be blocked by) plain readers. The lock file is opened without
    /// following symlinks, never truncated and never deleted (deleting it would let two processes lock two inodes).
    /// </summary>
    internal static class CrossProcessLock
    {
        private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(50);

        public static string LockPath(string target) => target + ".lock";

        public static IDisposable Acquire(string target, TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            var path = LockPath(target);
            var handle = Platforms.Current.OpenLockFile(path);
            var clock = Stopwatch.StartNew();
            var delay = TimeSpan.FromMilliseconds(1);
            try
            {
                while (!Platforms.Current.TryLock(handle, exclusive: true))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Wait(clock, timeout, path, ref delay);
                    Thread.Sleep(delay);
                }

                return new Held(handle);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        public static async Task<IDisposable> AcquireAsync(string target, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var path = LockPath(target);
            var handle = Platforms.Current.OpenLockFile(path);
            var clock = Stopwatch.StartNew();
            var delay = TimeSpan.FromMilliseconds(1);
            try
            {
                while (!Platforms.Current.TryLock(handle, exclusive: true))
                {
                    Wait(clock, timeout, path, ref delay);
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }

                return new Held(handle);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        private static void Wait(Stopwatch clock, TimeSpan timeout, string path, ref TimeSpan delay)
        {
            if (timeout != Timeout.InfiniteTimeSpan && clock.Elapsed >= timeout)
            {
                throw new IOException(
                    $"Timed out after {timeout.TotalSeconds:0.###} s waiting for the lock '{path}' held by another process " +
                    "(AtomicWriteOptions.CrossProcessLock). The target and its backups were left unchanged.");
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxPoll.Ticks));
        }

    }

    /// <summary>A held lock; unlocked explicitly before closing (a forked child may share the open file until its exec).</summary>
    internal sealed class Held : IDisposable
    {
        private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _handle;

        public Held(Microsoft.Win32.SafeHandles.SafeFileHandle handle) => _handle = handle;

        public void Dispose()
        {
            if (!_handle.IsClosed)
            {
                Platforms.Current.Unlock(_handle);
                _handle.Dispose();
            }
        }
    }

    /// <summary>The save lock: this process's per-path lock, then (if asked) the cross-process lock.</summary>
    internal static class SaveLock
    {
        public static IDisposable Acquire(ResolvedTarget target, AtomicWriteOptions options, CancellationToken cancellationToken = default)
        {
            var local = PathLocks.Enter(target.Path);
            if (!options.CrossProcessLock)
            {
                return local;
            }

            try
            {
                return new Both(local, CrossProcessLock.Acquire(target.Path, options.LockTimeout, cancellationToken));
            }
            catch
            {
                local.Dispose();
                throw;
            }
        }

        public static async Task<IDisposable> AcquireAsync(ResolvedTarget target, AtomicWriteOptions options, CancellationToken cancellationToken)
        {
            var local = await PathLocks.EnterAsync(target.Path, cancellationToken).ConfigureAwait(false);
            if (!options.CrossProcessLock)
            {
                return local;
            }

            try
            {
                return new Both(local, await CrossProcessLock.AcquireAsync(target.Path, options.LockTimeout, cancellationToken).ConfigureAwait(false));
            }
            catch
            {
                local.Dispose();
                throw;
            }
        }

        private sealed class Both : IDisposable
        {
            private readonly IDisposable _local;
            private readonly IDisposable _crossProcess;

            public Both(IDisposable local, IDisposable crossProcess)
            {
                _local = local;
                _crossProcess = crossProcess;
            }

            public void Dispose()
            {
                _crossProcess.Dispose();
                _local.Dispose();
            }
        }
    }
}
