using System.Text.RegularExpressions;

namespace RightsAcademy.Web.Tests.Infrastructure.Security;

/// <summary>
/// Finds what must never be committed: private keys and key stores, passwords in connection strings and settings
/// other than the documented placeholders, and tokens shaped like well-known API keys. Deliberately simple and
/// strict: a false alarm is fixed by using a placeholder (<see cref="Placeholders"/>) or a variable.
/// </summary>
public static partial class SecretScanner
{
    /// <summary>Password values that the documentation uses and that are no secret.</summary>
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "CHANGE-ME", "…", "...", "not-a-secret",
    };

    private static readonly string[] KeyFileExtensions = [".pfx", ".p12", ".key", ".jks", ".keystore", ".ppk", ".kdbx"];

    public sealed record Finding(string File, int Line, string Rule)
    {
        public override string ToString() => $"{File}:{Line}: {Rule}";
    }

    /// <summary>Scans the files (paths relative to <paramref name="root"/>); binary files are checked by name only.</summary>
    public static IReadOnlyList<Finding> Scan(string root, IEnumerable<string> relativePaths)
    {
        var findings = new List<Finding>();
        foreach (var path in relativePaths)
        {
            var name = Path.GetFileName(path);
            if (KeyFileExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) || name.StartsWith("id_rsa", StringComparison.Ordinal)
                || name.StartsWith("id_ed25519", StringComparison.Ordinal))
            {
                findings.Add(new Finding(path, 0, "a key or key-store file"));
            }

            var full = Path.Combine(root, path);
            if (!File.Exists(full))
            {
                continue; // deleted in the working tree but still tracked: nothing to read
            }

            var text = File.ReadAllText(full);
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                continue; // images, fonts, zips
            }

            findings.AddRange(ScanText(path, text));
        }

        return findings;
    }

    public static IEnumerable<Finding> ScanText(string path, string text)
    {
        foreach (Match m in PrivateKey().Matches(text))
        {
            yield return new Finding(path, LineOf(text, m.Index), "a PEM private key");
        }

        foreach (Match m in PasswordValue().Matches(text))
        {
            var value = m.Groups["value"].Value.Trim();
            if (!IsPlaceholderOrReference(value))
            {
                yield return new Finding(path, LineOf(text, m.Index), $"a password value ({m.Groups["name"].Value}=…)");
            }
        }

        foreach (var (rule, pattern) in Tokens)
        {
            foreach (Match m in pattern.Matches(text))
            {
                yield return new Finding(path, LineOf(text, m.Index), rule);
            }
        }
    }

    // $password, $(cat file), ${VAR}, {password} (C# interpolation), %VAR%: the value comes from somewhere else.
    private static bool IsPlaceholderOrReference(string value) =>
        value.Length == 0 || Placeholders.Contains(value) || value[0] is '$' or '{' or '%' or '<' || value.StartsWith("\" +", StringComparison.Ordinal);

    private static readonly (string Rule, Regex Pattern)[] Tokens =
    [
        ("an AWS access key id", AwsKey()),
        ("a GitHub token", GitHubToken()),
        ("a Slack token", SlackToken()),
        ("a Stripe live key", StripeKey()),
        ("a Google API key", GoogleKey()),
        ("a signed JWT", Jwt()),
        ("an API key or secret assigned a literal", AssignedSecret()),
    ];

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    // The header alone (in an assertion, say) is no key: a key has its base64 body after it.
    [GeneratedRegex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----\s*(?:Proc-Type:[^\n]*\n(?:DEK-Info:[^\n]*\n)?\s*)?[A-Za-z0-9+/=\r\n]{40,}")]
    private static partial Regex PrivateKey();

    // Connection strings (Password, Pwd), environment files and shell (PGPASSWORD, Smtp__Password),
    // JSON settings ("Password": "…"). A value ends at ; whitespace or a quote. No spaces around = : that is code
    // (password = options.Password), whose literals the other rules and review catch.
    [GeneratedRegex(@"(?<name>\b(?:Password|Pwd|PGPASSWORD|[A-Za-z]+__Password|DEMO_PASSWORD))=(?<value>[^;\s""'`]+)|""(?<name>[A-Za-z]*Password)""\s*:\s*""(?<value>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordValue();

    [GeneratedRegex(@"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")]
    private static partial Regex AwsKey();

    [GeneratedRegex(@"\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,})\b")]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"\bxox[abprs]-[A-Za-z0-9-]{10,}")]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"\b[sr]k_live_[A-Za-z0-9]{20,}")]
    private static partial Regex StripeKey();

    [GeneratedRegex(@"\bAIza[0-9A-Za-z_-]{35}\b")]
    private static partial Regex GoogleKey();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}")]
    private static partial Regex Jwt();

    [GeneratedRegex("""(?:api[_-]?key|secret[_-]?key|client[_-]?secret|access[_-]?token|auth[_-]?token)["']?\s*[:=]\s*["'][A-Za-z0-9/+_=-]{20,}["']""", RegexOptions.IgnoreCase)]
    private static partial Regex AssignedSecret();
}
