// ValidCode corpus: sensitive files written the safe way, or only read, or created once.
using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace ValidCode.Stores
{
    public sealed class Credentials
    {
        public string User { get; set; } = "";
        public string Secret { get; set; } = "";
    }

    /// <summary>A correct hand-rolled replace: unique temp, fsync, File.Replace keeping a backup.</summary>
    public sealed class CredentialStore
    {
        private readonly string _credentialsPath;

        public CredentialStore(string directory)
        {
            _credentialsPath = Path.Combine(directory, "credentials.json");
        }

        public void Save(Credentials credentials)
        {
            string temp = _credentialsPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, credentials);
                stream.Flush(flushToDisk: true);
            }

            if (File.Exists(_credentialsPath))
            {
                File.Replace(temp, _credentialsPath, _credentialsPath + ".bak");
            }
            else
            {
                File.Move(temp, _credentialsPath);
            }
        }

        public Credentials Load()
        {
            using var stream = File.OpenRead(_credentialsPath);
            return JsonSerializer.Deserialize<Credentials>(stream) ?? new Credentials();
        }
    }

    /// <summary>Created once, never overwritten: CreateNew fails if the file exists.</summary>
    public static class LicenseActivation
    {
        public static bool TryActivate(string directory, string key)
        {
            try
            {
                using var stream = new FileStream(Path.Combine(directory, "license.dat"), FileMode.CreateNew, FileAccess.Write);
                stream.Write(Encoding.UTF8.GetBytes(key));
                stream.Flush(true);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }
    }

    /// <summary>Only reads its settings: AW0001 has nothing to say.</summary>
    public static class SettingsReader
    {
        public static string Theme(string directory)
        {
            string settingsPath = Path.Combine(directory, "settings.json");
            using var stream = new FileStream(settingsPath, FileMode.Open, FileAccess.Read);
            using var document = JsonDocument.Parse(stream);
            return document.RootElement.GetProperty("theme").GetString() ?? "light";
        }
    }

    /// <summary>Copies settings somewhere else, never over them.</summary>
    public static class SettingsBackup
    {
        public static void Backup(string settingsPath, string backupFolder)
        {
            File.Copy(settingsPath, Path.Combine(backupFolder, Path.GetFileName(settingsPath) + "." + DateTime.UtcNow.Ticks), overwrite: false);
        }
    }

    /// <summary>A lock file: opened OpenOrCreate but never written.</summary>
    public static class SingleInstance
    {
        public static FileStream? TryLock(string directory)
        {
            try
            {
                return new FileStream(Path.Combine(directory, "app.lock"), FileMode.OpenOrCreate, FileAccess.Read, FileShare.None);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}
