using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Accounts;

/// <summary>
/// Identity's authenticator provider accepts the same TOTP code as often as it likes while it is valid (up to 2½
/// minutes). This one accepts each time step once per account (ASVS 2.8.4): it finds the step the code belongs to,
/// within Identity's window of two steps either side, and records it only if it is later than the last accepted
/// one, with a conditional UPDATE, so two requests racing with the same code cannot both win, on any node.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(AppDbContext db, TimeProvider clock, AuthenticatorCodeOutcome outcome)
    : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "SingleUseAuthenticator";

    private const int StepSeconds = 30;
    private const int WindowSteps = 2;

    // As Identity's provider: usable once the account has an authenticator key.
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // Codes come from the person's app, never from the site.
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        outcome.Replayed = false;
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        var secret = FromBase32(key);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        long? matched = null;
        for (var step = now - WindowSteps; step <= now + WindowSteps; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(token)))
            {
                matched = step;
            }
        }

        if (matched is not { } accepted)
        {
            return false;
        }

        var recorded = await db.Users
            .Where(u => u.Id == user.Id && (u.LastAuthenticatorTimeStep == null || u.LastAuthenticatorTimeStep < accepted))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastAuthenticatorTimeStep, accepted));
        if (recorded == 0)
        {
            outcome.Replayed = true;
            return false;
        }

        // The tracked user is saved whole by later Identity updates: it must carry the new value, not the old one.
        user.LastAuthenticatorTimeStep = accepted;
        return true;
    }

    /// <summary>RFC 4648 base32, as Identity writes authenticator keys (upper case, no padding).</summary>
    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue; // spaces from a readable copy
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }

    /// <summary>RFC 6238 (SHA-1, 30 s, 6 digits), as every authenticator app computes it.</summary>
    private static string Code(byte[] secret, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // RFC 6238's default, and what every authenticator app uses.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }
}

/// <summary>Why the last code was refused, for this request: a replayed code gets its own message.</summary>
public sealed class AuthenticatorCodeOutcome
{
    public bool Replayed { get; set; }
}
