using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using AtomicWrite.Platform;

namespace AtomicWrite.Internal
{
    internal enum CandidateKind
    {
        Valid,
        Missing,
        Empty,
        Bad,
        Unreadable,
    }

    /// <summary>One version the loader may use (the file or a backup generation), read whole and judged.</summary>
    internal sealed class Candidate<T>
    {
        public const string MissingReason = "missing";

        private Candidate(string path, CandidateKind kind, string reason, FileStatus status, byte[] bytes, T? value, Exception? error, bool saved = false)
        {
            IsSaved = saved;
            Path = path;
            Kind = kind;
            Reason = reason;
            Status = status;
            Bytes = bytes;
            Value = value;
            Error = error;
        }

        public string Path { get; }

        public CandidateKind Kind { get; }

        public string Reason { get; }

        /// <summary>The identity of what was read, to tell later whether the name still holds it.</summary>
        public FileStatus Status { get; }

        public byte[] Bytes { get; }

        public T? Value { get; }

        public Exception? Error { get; }

        /// <summary>The bytes are exactly what a completed save wrote (its <see cref="SaveRecord"/> matches): a
        /// deliberate version, never treated as crash damage.</summary>
        public bool IsSaved { get; }

        /// <summary>What the parser may throw on bad content; cancellation and out-of-memory are not about content.</summary>
        public static bool IsContentFailure(Exception e) => e is not (OperationCanceledException or OutOfMemoryException);

        public static async Task<Candidate<T>> Read(string path, AtomicWriteOptions options, Func<byte[], CancellationToken, Task<T>> parse, bool synchronous, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var platform = Platforms.Current;
            FileStatus status;
            byte[] bytes;
            byte[]? record;
            try
            {
                var named = platform.GetStatus(path);
                switch (named.Kind)
                {
                    case FileKind.Missing:
                        return new Candidate<T>(path, CandidateKind.Missing, MissingReason, named, Array.Empty<byte>(), default, null);
                    case FileKind.Directory:
                        return Unreadable(path, named, new UnauthorizedAccessException($"Access to the path '{path}' is denied: it is a directory."));
                    case FileKind.SymbolicLink:
                        return new Candidate<T>(path, CandidateKind.Bad, "a symbolic link (backups are never read through links)", named, Array.Empty<byte>(), default, null);
                    case FileKind.Other:
                        return Unreadable(path, named, new IOException($"'{path}' is not a regular file."));
                }

                using var handle = platform.OpenReadNoFollow(path);
                status = platform.GetStatus(handle);
                using var stream = new FileStream(handle, FileAccess.Read, 1);
                bytes = synchronous ? Content.ReadAll(stream) : await ReadAllAsync(stream, cancellationToken).ConfigureAwait(false);
                record = platform.TryReadSaveRecord(handle);
            }
            catch (FileNotFoundException)
            {
                return new Candidate<T>(path, CandidateKind.Missing, MissingReason, FileStatus.Missing, Array.Empty<byte>(), default, null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Unreadable(path, FileStatus.Missing, e);
            }

            return await Judge(path, status, bytes, SaveRecord.Matches(record, bytes), options, parse, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>What the bytes read are: content a completed save recorded is judged only by Validate and the
        /// parser, never as crash damage (empty, zero-filled).</summary>
        private static async Task<Candidate<T>> Judge(string path, FileStatus status, byte[] bytes, bool saved, AtomicWriteOptions options, Func<byte[], CancellationToken, Task<T>> parse, CancellationToken cancellationToken)
        {
            var verdict = Content.Check(bytes, options.Validate);
            if (saved && verdict is ContentVerdict.Empty or ContentVerdict.ZeroFilled)
            {
                verdict = options.Validate == null || options.Validate(bytes) ? ContentVerdict.Valid : ContentVerdict.Rejected;
            }

            switch (verdict)
            {
                case ContentVerdict.Empty:
                    return new Candidate<T>(path, CandidateKind.Empty, "empty", status, bytes, default, null);
                case ContentVerdict.ZeroFilled:
                    return new Candidate<T>(path, CandidateKind.Bad, $"zero-filled ({bytes.Length} bytes of 0)", status, bytes, default, null);
                case ContentVerdict.Rejected:
                    return new Candidate<T>(path, CandidateKind.Bad, "rejected by AtomicWriteOptions.Validate", status, bytes, default, null, saved);
            }

            try
            {
                var value = await parse(bytes, cancellationToken).ConfigureAwait(false);
                return new Candidate<T>(path, CandidateKind.Valid, "valid", status, bytes, value, null, saved);
            }
            catch (Exception e) when (IsContentFailure(e))
            {
                return new Candidate<T>(path, CandidateKind.Bad, $"the parser threw {e.GetType().Name}: {e.Message}", status, bytes, default, e, saved);
            }
        }

        private static Candidate<T> Unreadable(string path, FileStatus status, Exception error) =>
            new Candidate<T>(path, CandidateKind.Unreadable, "unreadable (" + error.Message + ")", status, Array.Empty<byte>(), default, error);

        private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, 81920, cancellationToken).ConfigureAwait(false);
            return copy.ToArray();
        }
    }
}
