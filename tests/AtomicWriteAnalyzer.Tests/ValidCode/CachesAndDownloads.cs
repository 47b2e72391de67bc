// ValidCode corpus: caches, downloads and temp files can be rebuilt or fetched again.
using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ValidCode.Caching
{
    /// <summary>A response cache: one file per key; a torn entry is a cache miss.</summary>
    public sealed class HttpResponseCache
    {
        private readonly string _cacheDirectory;

        public HttpResponseCache(string root)
        {
            _cacheDirectory = Path.Combine(root, "http-cache");
        }

        public void Put(string url, byte[] body)
        {
            File.WriteAllBytes(EntryPath(url), body);
        }

        public byte[]? Get(string url)
        {
            string path = EntryPath(url);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }

        private string EntryPath(string url) =>
            Path.Combine(_cacheDirectory, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(url))) + ".bin");
    }

    /// <summary>A thumbnail cache with an index that it reads back: still a cache.</summary>
    public sealed class ThumbnailCache
    {
        private readonly string _indexPath;

        public ThumbnailCache(string cacheRoot)
        {
            _indexPath = Path.Combine(cacheRoot, "thumbnails", "index.json");
        }

        public Dictionary<string, string> LoadIndex() =>
            File.Exists(_indexPath) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(_indexPath)) ?? new() : new();

        public void SaveIndex(Dictionary<string, string> index) =>
            File.WriteAllText(_indexPath, JsonSerializer.Serialize(index));
    }

    public sealed class DownloadManager
    {
        private readonly string _downloads;

        public DownloadManager(string home)
        {
            _downloads = Path.Combine(home, "Downloads");
        }

        public async Task SaveAsync(string fileName, Stream content, CancellationToken cancellationToken)
        {
            await using var target = new FileStream(Path.Combine(_downloads, fileName), FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await content.CopyToAsync(target, cancellationToken);
        }
    }

    public static class ImageProcessing
    {
        public static string ResizeToTemp(byte[] image)
        {
            string scratch = Path.GetTempFileName();
            File.WriteAllBytes(scratch, image);
            return scratch;
        }

        public static string WriteWorkFile(string text)
        {
            string work = Path.Combine(Path.GetTempPath(), "resize-" + Guid.NewGuid().ToString("N") + ".txt");
            using var writer = File.CreateText(work);
            writer.Write(text);
            return work;
        }

        public static string Unique(string directory, byte[] data)
        {
            string path = Path.Combine(directory, Path.GetRandomFileName());
            File.WriteAllBytes(path, data);
            return path;
        }
    }
}
