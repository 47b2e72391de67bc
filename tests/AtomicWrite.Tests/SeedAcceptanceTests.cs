using System;
using System.IO;
using System.Text.Json;
using AtomicWrite.Tests.Infrastructure;
using Xunit;

namespace AtomicWrite.Tests
{
    /// <summary>The acceptance tests of the incident that started the project: a crash left {"tokens": [ in the token file.</summary>
    public sealed class SeedAcceptanceTests
    {
        private sealed record TokenFile(string[] Tokens);

        [Fact]
        public void Simulated_corruption_recovers_automatically()
        {
            using var dir = new TempDirectory();
            var tokenPath = dir.File("tokens.json");
            AtomicFile.WriteAllText(tokenPath, "{\"Tokens\":[\"first\"]}");
            AtomicFile.WriteAllText(tokenPath, "{\"Tokens\":[\"second\"]}");
            File.WriteAllText(tokenPath, "{\"tokens\": ["); // the crash: a plain overwrite cut short

            var tokens = AtomicFile.Load(tokenPath, (string text) => JsonSerializer.Deserialize<TokenFile>(text)!);

            Assert.Equal(new[] { "first" }, tokens.Tokens);
            Assert.Equal("{\"Tokens\":[\"first\"]}", File.ReadAllText(tokenPath)); // the app starts next time without help
        }

        [Fact]
        public void A_simulated_crash_mid_save_leaves_the_data_intact()
        {
            using var dir = new TempDirectory();
            var tokenPath = dir.File("tokens.json");
            AtomicFile.WriteAllText(tokenPath, "{\"Tokens\":[\"kept\"]}");

            // A save that dies while writing: its stream is abandoned before Commit.
            using (var stream = AtomicFile.Create(tokenPath))
            {
                stream.Write(new byte[] { (byte)'{', (byte)'"' }, 0, 2);
            }

            var tokens = AtomicFile.Load(tokenPath, (string text) => JsonSerializer.Deserialize<TokenFile>(text)!);
            Assert.Equal(new[] { "kept" }, tokens.Tokens);
        }

        [Fact]
        public void Without_a_backup_the_failure_is_graceful_and_clear()
        {
            using var dir = new TempDirectory();
            var tokenPath = dir.File("tokens.json");
            File.WriteAllText(tokenPath, "{\"tokens\": [");

            var e = Assert.Throws<AtomicFileCorruptedException>(() => AtomicFile.Load(tokenPath, (string text) => JsonSerializer.Deserialize<TokenFile>(text)!));

            Assert.IsAssignableFrom<IOException>(e);
            Assert.Contains($"No valid version of '{tokenPath}' exists; nothing was changed.", e.Message, StringComparison.Ordinal);
            Assert.Contains("the parser threw", e.Message, StringComparison.Ordinal);
            Assert.Contains(tokenPath + ".bak': missing", e.Message, StringComparison.Ordinal);
            Assert.Equal("{\"tokens\": [", File.ReadAllText(tokenPath));
            Assert.Equal(new[] { "tokens.json" }, dir.Names());
        }
    }
}
