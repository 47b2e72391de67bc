using System.IO;
using System.Text.Json;

namespace TokenStore
{
    /// <summary>
    /// The fix people reach for by hand: write a temp file, then rename it over the target.
    /// Still wrong: a fixed ".tmp" name (two writers race; a planted symlink redirects the write),
    /// no fsync before the rename (the renamed file can be empty after a power cut) and no backup.
    /// </summary>
    public sealed class ProfileStore
    {
        private readonly string _profilePath;

        public ProfileStore(string directory)
        {
            _profilePath = Path.Combine(directory, "profile.json");
        }

        public void Save(UserProfile profile)
        {
            string tempPath = _profilePath + ".tmp";
            File.WriteAllText(tempPath, JsonSerializer.Serialize(profile));
            File.Move(tempPath, _profilePath, overwrite: true);
        }
    }
}
