using System;
using System.Collections.Generic;

namespace TokenStore
{
    public sealed class AuthToken
    {
        public string Account { get; set; } = "";
        public string AccessToken { get; set; } = "";
        public string RefreshToken { get; set; } = "";
        public DateTimeOffset ExpiresAt { get; set; }
    }

    public sealed class TokenFile
    {
        public List<AuthToken> Tokens { get; set; } = new List<AuthToken>();
    }

    public sealed class AppSettings
    {
        public string Theme { get; set; } = "light";
        public bool SyncEnabled { get; set; } = true;
        public int SaveCount { get; set; }
    }

    public sealed class UserProfile
    {
        public string DisplayName { get; set; } = "";
        public string Email { get; set; } = "";
    }
}
