using System;
using System.Collections.Generic;
using System.IO;

namespace TokenStore
{
    public static class Program
    {
        // Saves everything twice, so that the fixed program (see README) leaves tokens.json and tokens.json.bak.
        public static int Main(string[] args)
        {
            string directory = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "data");
            Directory.CreateDirectory(directory);

            var tokens = new TokenStore(directory);
            var settings = new SettingsStore(directory);
            var profiles = new ProfileStore(directory);

            for (int save = 1; save <= 2; save++)
            {
                var file = new TokenFile
                {
                    Tokens = new List<AuthToken>
                    {
                        new AuthToken { Account = "alice@example.com", AccessToken = "access-" + save, RefreshToken = "refresh-" + save, ExpiresAt = DateTimeOffset.UtcNow.AddHours(1) },
                    },
                };
                tokens.Save(file);

                AppSettings current = settings.Load();
                current.SaveCount = save;
                settings.Save(current);

                profiles.Save(new UserProfile { DisplayName = "Alice", Email = "alice@example.com" });
                ActivityLog.Append(directory, "saved version " + save);
            }

            Console.WriteLine($"{tokens.Tokens.Count} account(s) saved to {directory}");
            ActivityLog.ExportReport(Path.Combine(directory, "report.csv"), tokens.Tokens.Count);
            return 0;
        }
    }
}
