using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>
/// A page's text as the fields of the editing form: the front-matter keys a form can offer (title, summary,
/// minutes, required), the other front-matter lines kept verbatim, and the Markdown body. Composing writes the
/// same content format back, so what the browser saves is what `content check` reads.
/// </summary>
public static partial class PageDocument
{
    public const string TitleField = nameof(PageForm.Title);
    public const string SummaryField = nameof(PageForm.Summary);
    public const string MinutesField = nameof(PageForm.Minutes);
    public const string RequiredField = nameof(PageForm.Required);
    public const string OtherField = nameof(PageForm.OtherFrontMatter);
    public const string BodyField = nameof(PageForm.Body);

    private static readonly Dictionary<string, string> FieldOfKey = new(StringComparer.Ordinal)
    {
        ["title"] = TitleField,
        ["summary"] = SummaryField,
        ["minutes"] = MinutesField,
        ["required"] = RequiredField,
    };

    public static PageForm Split(string path, string text, int version)
    {
        var (entries, body, _) = Parse(Normalise(text));
        string Value(string key) => entries.FirstOrDefault(e => e.Key == key && e.Scalar is not null)?.Scalar ?? "";
        var other = string.Concat(entries.Where(e => e.Key is null || !FieldOfKey.ContainsKey(e.Key) || e.Scalar is null).Select(e => e.Text));
        return new PageForm
        {
            Path = path,
            Version = version,
            Title = Value("title"),
            Summary = Value("summary"),
            Minutes = Value("minutes"),
            Required = Value("required"),
            OtherFrontMatter = other.TrimEnd('\n'),
            Body = body,
        };
    }

    public static string Compose(PageForm form)
    {
        var text = new StringBuilder("---\n");
        if (!string.IsNullOrWhiteSpace(form.Title)) text.Append("title: ").Append(Quote(form.Title)).Append('\n');
        if (!string.IsNullOrWhiteSpace(form.Summary)) text.Append("summary: ").Append(Quote(form.Summary)).Append('\n');
        if (!string.IsNullOrWhiteSpace(form.Minutes)) text.Append("minutes: ").Append(OneLine(form.Minutes)).Append('\n');
        if (!string.IsNullOrWhiteSpace(form.Required)) text.Append("required: ").Append(OneLine(form.Required)).Append('\n');
        var other = Normalise(form.OtherFrontMatter ?? "").Trim('\n');
        if (other.Length > 0) text.Append(other).Append('\n');
        text.Append("---\n");
        var body = Normalise(form.Body ?? "");
        text.Append(body);
        if (body.Length > 0 && !body.EndsWith('\n')) text.Append('\n');
        return text.ToString();
    }

    /// <summary>The form field a problem on <paramref name="line"/> of <paramref name="text"/> belongs to, and for
    /// the body the line within it (what a trainer counts in the text area).</summary>
    public static (string Field, int? BodyLine) FieldAt(string text, int line)
    {
        var (entries, _, bodyFirstLine) = Parse(Normalise(text));
        if (bodyFirstLine > 0 && line >= bodyFirstLine)
        {
            return (BodyField, line - bodyFirstLine + 1);
        }

        var entry = entries.FirstOrDefault(e => line >= e.FirstLine && line < e.FirstLine + e.LineCount);
        if (entry?.Key is { } key && entry.Scalar is not null && FieldOfKey.TryGetValue(key, out var field))
        {
            return (field, null);
        }

        return (entry is null && line <= 1 ? TitleField : OtherField, null);
    }

    internal static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private sealed record Entry(string? Key, string Text, int FirstLine, int LineCount, string? Scalar);

    /// <summary>Top-level keys with their continuation lines; body and the 1-based line it starts on (0: no front matter).</summary>
    private static (List<Entry> Entries, string Body, int BodyFirstLine) Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return ([], text, 1);
        }

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
        {
            return ([new Entry(null, string.Join('\n', lines[1..]) + "\n", 2, lines.Length - 1, null)], "", 0);
        }

        var entries = new List<Entry>();
        var i = 1;
        while (i < close)
        {
            var start = i;
            var key = TopLevelKey().Match(lines[i]) is { Success: true } m ? m.Groups[1].Value : null;
            i++;
            // Indented, blank and list lines continue a key's value; a comment at the margin stands on its own.
            while (i < close && (lines[i].Length == 0 || lines[i][0] is ' ' or '\t' or '-'))
            {
                i++;
            }

            var chunk = string.Join('\n', lines[start..i]) + "\n";
            entries.Add(new Entry(key, chunk, start + 1, i - start, key is null ? null : ScalarOf(chunk, key)));
        }

        var body = string.Join('\n', lines[(close + 1)..]);
        return (entries, body, close + 2);
    }

    private static string? ScalarOf(string chunk, string key)
    {
        try
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(chunk));
            if (yaml.Documents.Count == 1 && yaml.Documents[0].RootNode is YamlMappingNode map
                && map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar)
            {
                return scalar.Value ?? "";
            }
        }
        catch (YamlDotNet.Core.YamlException)
        {
            // Not valid YAML on its own: keep the lines verbatim with the other front matter.
        }

        return null;
    }

    private static string OneLine(string value) => value.Replace('\r', ' ').Replace('\n', ' ').Trim();

    /// <summary>Always double-quoted: a title such as "Land banks: a primer" is then never read as YAML syntax.</summary>
    private static string Quote(string value) =>
        "\"" + OneLine(value).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)\s*:")]
    private static partial Regex TopLevelKey();
}
