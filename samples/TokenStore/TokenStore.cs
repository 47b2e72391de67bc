using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace TokenStore
{
    /// <summary>
    /// Keeps every signed-in account's tokens in one file, the way the incident's token store did.
    /// A crash during Save left "{"tokens": [" on disk and nobody could sign in again.
    /// </summary>
    public sealed class TokenStore
    {
        private readonly string _tokenPath;

        public TokenStore(string directory)
        {
            _tokenPath = Path.Combine(directory, "tokens.json");
        }

        public void Save(TokenFile tokens)
        {
            string json = JsonSerializer.Serialize(tokens);
            // Overwrites in place: truncate, then write. A crash in between loses every token.
            File.WriteAllText(_tokenPath, json);
        }

        public TokenFile Load()
        {
            if (!File.Exists(_tokenPath))
            {
                return new TokenFile();
            }

            // No recovery: a truncated file throws here and the app cannot start.
            string json = File.ReadAllText(_tokenPath);
            return JsonSerializer.Deserialize<TokenFile>(json) ?? new TokenFile();
        }

        public IReadOnlyList<AuthToken> Tokens => Load().Tokens;
    }
}
