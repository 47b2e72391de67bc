using System.IO;
using System.Text.Json;

namespace TokenStore
{
    /// <summary>Saves the app's settings through a stream, as most real settings stores do.</summary>
    public sealed class SettingsStore
    {
        private readonly string _settingsPath;

        public SettingsStore(string directory)
        {
            _settingsPath = Path.Combine(directory, "settings.json");
        }

        public void Save(AppSettings settings)
        {
            // FileMode.Create truncates first: a power cut mid-write leaves a zero-filled settings.json.
            using (var stream = new FileStream(_settingsPath, FileMode.Create, FileAccess.Write))
            {
                JsonSerializer.Serialize(stream, settings);
            }
        }

        public AppSettings Load()
        {
            if (!File.Exists(_settingsPath))
            {
                return new AppSettings();
            }

            using (var stream = File.OpenRead(_settingsPath))
            {
                return JsonSerializer.Deserialize<AppSettings>(stream) ?? new AppSettings();
            }
        }
    }
}
