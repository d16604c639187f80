using System.Security.Cryptography;

namespace RightsAcademy.Web.Testing;

/// <summary>
/// An authenticator app in a few lines (RFC 6238 with RFC 4226 truncation; SHA-1, 30 s, 6 digits), written from the
/// RFCs rather than borrowed from Identity, so a test checks the site against an independent implementation.
/// </summary>
public static class Totp
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private static readonly Dictionary<string, long> LastStepUsed = new(StringComparer.OrdinalIgnoreCase);

    public static string Code(string base32Key, DateTimeOffset? at = null) =>
        CodeAt(base32Key, (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30);

    /// <summary>
    /// A code the site has not accepted yet for this key, as a person would type after waiting for the app's next code:
    /// the site accepts each time step once per account. Uses the steps from one before to one after now (all inside
    /// the site's window of two either side), and waits for the clock when a test signs in more often than that.
    /// </summary>
    public static async Task<string> NextCodeAsync(string base32Key)
    {
        var key = base32Key.Replace(" ", "", StringComparison.Ordinal);
        while (true)
        {
            long step;
            lock (LastStepUsed)
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
                step = Math.Max(now - 1, LastStepUsed.TryGetValue(key, out var last) ? last + 1 : long.MinValue);
                if (step <= now + 1)
                {
                    LastStepUsed[key] = step;
                    return CodeAt(key, step);
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    public static string CodeAt(string base32Key, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // RFC 6238's default, and what every authenticator app and Identity use.
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32; spaces (as shown to people) and padding ignored, any case.</summary>
    public static byte[] FromBase32(string text)
    {
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 character.");
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
}
