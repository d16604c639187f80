using System.Text.RegularExpressions;

namespace RightsAcademy.Web.Tests.Infrastructure;

/// <summary>
/// Views hold no literal user-facing text: every word a user reads comes from the resources, so it exists in
/// all four languages. Razor code, expressions and markup are removed; any letter left over is a literal.
/// </summary>
public sealed partial class ViewTextTests
{
    public static TheoryData<string> Views()
    {
        var features = Path.Combine(ResourceTests.RepositoryRoot(), "src", "RightsAcademy.Web", "Features");
        var data = new TheoryData<string>();
        foreach (var view in Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(features, view));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void A_view_has_no_literal_text(string view)
    {
        var source = File.ReadAllText(Path.Combine(ResourceTests.RepositoryRoot(), "src", "RightsAcademy.Web", "Features", view));

        var literals = LiteralTexts(source).ToList();

        Assert.True(literals.Count == 0, $"{view} has literal text: " + string.Join(" | ", literals));
    }

    [Fact]
    public void The_check_finds_literal_text_and_ignores_razor()
    {
        const string view = """
            @model Thing
            @{ var x = "not text"; }
            <h1>@T["Title"]</h1>
            <p>@Model.Name (@(Model.Count + 1))</p>
            @foreach (var i in Model.Items) { <li>@i.Title</li> }
            <p>Hello world</p>
            <a aria-label="Close dialog" href="/x">@T["Close"]</a>
            """;

        var literals = LiteralTexts(view).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["Hello world", "aria-label=\"Close dialog\""], literals);
    }

    internal static IEnumerable<string> LiteralTexts(string source)
    {
        var text = RazorComment().Replace(source, " ");
        text = Directive().Replace(text, " ");
        text = RemoveCodeBlocks(text);
        foreach (Match attribute in TextAttribute().Matches(text))
        {
            if (!attribute.Groups["value"].Value.StartsWith('@') && attribute.Groups["value"].Value.Any(char.IsLetter))
            {
                yield return attribute.Value;
            }
        }

        text = Tag().Replace(text, "\n");
        foreach (var line in text.Split('\n'))
        {
            var stripped = line.Trim();
            // Control flow (@if, else, @foreach ...) and C# statements inside code blocks are code, not text.
            if (ControlFlow().IsMatch(stripped) || CodeStatement().IsMatch(stripped))
            {
                continue;
            }

            stripped = RemoveExpressions(stripped);
            stripped = Entity().Replace(stripped, " ");
            if (stripped.Any(char.IsLetter))
            {
                yield return stripped.Trim();
            }
        }
    }

    // @{ ... } and @functions { ... } blocks: C#, not markup.
    private static string RemoveCodeBlocks(string text)
    {
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '@' && i + 1 < text.Length && text[i + 1] == '{')
            {
                i = SkipBalanced(text, i + 1, '{', '}');
                continue;
            }

            result.Append(text[i]);
        }

        return result.ToString();
    }

    private static string RemoveExpressions(string line)
    {
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != '@')
            {
                if (line[i] is not '{' and not '}')
                {
                    result.Append(line[i]);
                }

                continue;
            }

            // @( ... ) explicit expression
            if (i + 1 < line.Length && line[i + 1] == '(')
            {
                i = SkipBalanced(line, i + 1, '(', ')');
                continue;
            }

            // @if (...), @foreach (...): the condition is code
            var keyword = KeywordWithCondition().Match(line, i + 1);
            if (keyword.Success && keyword.Index == i + 1)
            {
                var open = line.IndexOf('(', i);
                i = open < 0 ? line.Length : SkipBalanced(line, open, '(', ')');
                continue;
            }

            // @name.member[index](args)... implicit expression
            var j = i + 1;
            while (j < line.Length)
            {
                if (char.IsLetterOrDigit(line[j]) || line[j] is '_' or '.' or '!' or '?')
                {
                    j++;
                }
                else if (line[j] is '[' or '(')
                {
                    j = SkipBalanced(line, j, line[j], line[j] == '[' ? ']' : ')') + 1;
                }
                else
                {
                    break;
                }
            }

            i = j - 1;
        }

        return result.ToString();
    }

    private static int SkipBalanced(string text, int open, char opening, char closing)
    {
        var depth = 0;
        var inString = false;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '"' && (i == 0 || text[i - 1] != '\\'))
            {
                inString = !inString;
            }

            if (inString)
            {
                continue;
            }

            if (text[i] == opening)
            {
                depth++;
            }
            else if (text[i] == closing && --depth == 0)
            {
                return i;
            }
        }

        return text.Length - 1;
    }

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"&[a-z#0-9]+;")]
    private static partial Regex Entity();

    [GeneratedRegex(@"^@?(if|else|foreach|for|while|switch|using|await|var)\b|^\}?\s*else\b")]
    private static partial Regex ControlFlow();

    [GeneratedRegex(@"^\s*@(model|inject|using|addTagHelper|page|layout)\b.*$", RegexOptions.Multiline)]
    private static partial Regex Directive();

    [GeneratedRegex(@"\G(if|foreach|for|while|switch|using)\s*\(")]
    private static partial Regex KeywordWithCondition();

    [GeneratedRegex(@"^(var|await|ViewData|Layout)\b.*;$")]
    private static partial Regex CodeStatement();

    [GeneratedRegex(@"\b(?:aria-label|title|placeholder|alt)=""(?<value>[^""]*)""")]
    private static partial Regex TextAttribute();
}
