using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RightsAcademy.Web.Tests.Infrastructure;

/// <summary>Every UI text exists in English, French, Spanish and Arabic, and every key the code asks for exists.</summary>
public sealed partial class ResourceTests
{
    private static readonly string WebProject = Path.Combine(RepositoryRoot(), "src", "RightsAcademy.Web");

    public static TheoryData<string> Languages => ["fr", "es", "ar"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Each_language_has_every_key_with_a_text(string language)
    {
        var english = Load("SharedResource.resx");
        var translated = Load($"SharedResource.{language}.resx");

        var missing = english.Keys.Where(k => !translated.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text)).ToList();
        var extra = translated.Keys.Except(english.Keys).ToList();

        Assert.True(missing.Count == 0, $"Missing in {language}: {string.Join(", ", missing)}");
        Assert.True(extra.Count == 0, $"Only in {language}: {string.Join(", ", extra)}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Placeholders_match_the_english_text(string language)
    {
        var english = Load("SharedResource.resx");
        var translated = Load($"SharedResource.{language}.resx");

        var mismatched = english
            .Where(e => translated.ContainsKey(e.Key) && !Placeholders(e.Value).SetEquals(Placeholders(translated[e.Key])))
            .Select(e => e.Key)
            .ToList();

        Assert.True(mismatched.Count == 0, $"Placeholders differ in {language}: {string.Join(", ", mismatched)}");
    }

    [Fact]
    public void Every_key_used_in_code_and_views_exists()
    {
        var english = Load("SharedResource.resx");
        var used = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f))
            .SelectMany(line => (line.Contains("Message(", StringComparison.Ordinal) ? AnyKey() : UsedKey()).Matches(line))
            .Select(m => m.Groups["key"].Value)
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(used);
        var missing = used.Where(k => !english.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Keys used but not in SharedResource.resx: " + string.Join(", ", missing));
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RightsAcademy.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("RightsAcademy.sln not found above the test folder.");
    }

    // T["Key"], t["Key"], ErrorMessage = "Key", Name = "Key".
    [GeneratedRegex(@"(?:\b[Tt]\[|ErrorMessage = |Name = )""(?<key>[A-Z][A-Za-z]+\.[A-Z][A-Za-z.]+)""")]
    private static partial Regex UsedKey();

    // Message("Title.Key", "Text.Key", url, "Link.Key"): every key-shaped literal on such a line.
    [GeneratedRegex(@"""(?<key>[A-Z][A-Za-z]+\.[A-Z][A-Za-z.]+)""")]
    private static partial Regex AnyKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
