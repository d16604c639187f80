using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RightsAcademy.Content;

/// <summary>A page split into its front matter (parsed) and its Markdown body.</summary>
/// <param name="YamlFirstLine">1-based file line of the first YAML line (the line after the opening '---').</param>
/// <param name="BodyFirstLine">1-based file line on which the body starts.</param>
internal sealed record FrontMatterDocument(YamlMappingNode Map, int YamlFirstLine, int OpeningLine, string Body, int BodyFirstLine);

internal static class FrontMatter
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 strictly: a file saved in another encoding would otherwise show garbled letters
    /// to learners without anyone noticing.</summary>
    public static string? Decode(SourceFile file, ProblemList problems)
    {
        try
        {
            var text = StrictUtf8.GetString(file.Bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            var line = 1;
            if (e.Index >= 0)
            {
                var end = Math.Min(e.Index, file.Bytes.Length);
                for (var i = 0; i < end; i++)
                {
                    if (file.Bytes[i] == (byte)'\n')
                        line++;
                }
            }
            problems.Error(file.Path, line, ProblemCodes.InvalidEncoding,
                "the file is not valid UTF-8: save it as UTF-8 in your editor");
            return null;
        }
    }

    /// <summary>Splits and parses the front matter; reports and returns null when there is none or it is not
    /// valid YAML.</summary>
    public static FrontMatterDocument? Read(string path, string text, ProblemList problems)
    {
        var lines = new LineReader(text);
        if (!lines.Next(out var first, out _) || first.TrimEnd() != "---")
        {
            problems.Error(path, 1, ProblemCodes.MissingFrontMatter,
                "the file must start with front matter: a line '---', the keys (title: ...), and another line '---'");
            return null;
        }

        var yamlStart = lines.Position;
        var lineNumber = 1;
        while (lines.Next(out var line, out var lineStart))
        {
            lineNumber++;
            var trimmed = line.TrimEnd();
            if (trimmed is "---" or "...")
            {
                var yaml = text[yamlStart..lineStart];
                var map = YamlLoader.LoadMapping(yaml, 2, 1, path, "front matter", problems);
                if (map is null)
                    return null;
                return new FrontMatterDocument(map, 2, 1, text[lines.Position..], lineNumber + 1);
            }
        }

        problems.Error(path, 1, ProblemCodes.UnclosedFrontMatter,
            "the front matter is not closed: add a line '---' after the last key");
        return null;
    }

    /// <summary>Reads lines without allocating the whole split, remembering where each starts.</summary>
    private sealed class LineReader(string text)
    {
        public int Position { get; private set; }

        public bool Next(out string line, out int start)
        {
            start = Position;
            if (Position >= text.Length)
            {
                line = "";
                return false;
            }
            var end = text.IndexOf('\n', Position);
            if (end < 0)
            {
                line = text[Position..];
                Position = text.Length;
            }
            else
            {
                line = text[Position..end];
                Position = end + 1;
            }
            line = line.TrimEnd('\r');
            return true;
        }
    }
}

internal static class YamlLoader
{
    /// <summary>Parses YAML that must be a mapping (front matter or a quiz block). Empty YAML is an empty
    /// mapping, so the caller reports the missing keys. Returns null after reporting a problem.</summary>
    /// <param name="firstLine">1-based file line of the YAML's first line.</param>
    /// <param name="ownerLine">Where to report a non-mapping (the opening '---' or fence).</param>
    public static YamlMappingNode? LoadMapping(string yaml, int firstLine, int ownerLine, string path, string what,
        ProblemList problems)
    {
        var scanner = new Scanner(new StringReader(yaml));
        var stream = new YamlStream();
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (AnchorNotFoundException e)
        {
            // "*emphasis* first" reads as a YAML alias; YamlDotNet places the error at the document start,
            // so find the line with the '*' the trainer wrote.
            var name = e.Message.Split('\'') is [_, var anchor, ..] ? anchor : "";
            var lines = yaml.Split('\n');
            var index = Array.FindIndex(lines, l => name.Length > 0 && l.Contains("*" + name, StringComparison.Ordinal));
            problems.Error(path, firstLine + Math.Max(index, 0), ProblemCodes.YamlInvalid,
                $"the {what} is not valid YAML: '*{name}' reads as a YAML alias. Put text that starts with * in \"double quotes\"");
            return null;
        }
        catch (YamlException e)
        {
            problems.Error(path, firstLine + (int)e.Start.Line - 1, ProblemCodes.YamlInvalid,
                $"the {what} is not valid YAML: {Explain(e)}");
            return null;
        }
#pragma warning disable CA1031 // YamlDotNet throws plain InvalidOperationException on some malformed input.
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
#pragma warning restore CA1031
        {
            problems.Error(path, firstLine + (int)scanner.CurrentPosition.Line - 1, ProblemCodes.YamlInvalid,
                $"the {what} is not valid YAML (an unclosed bracket or quote?)");
            return null;
        }

        if (stream.Documents.Count == 0)
            return new YamlMappingNode();
        if (stream.Documents[0].RootNode is YamlMappingNode map)
            return map;
        problems.Error(path, ownerLine, ProblemCodes.WrongType,
            $"the {what} must be a list of 'key: value' lines");
        return null;
    }

    private static string Explain(YamlException e)
    {
        var message = e.Message.TrimEnd('.');
        // The usual trainer mistake is unquoted text containing ': ' or starting with a YAML symbol.
        if (message.Contains("mapping", StringComparison.OrdinalIgnoreCase)
            || message.Contains("expected key", StringComparison.OrdinalIgnoreCase)
            || message.Contains("alias", StringComparison.OrdinalIgnoreCase)
            || message.Contains("anchor", StringComparison.OrdinalIgnoreCase))
        {
            return message + ". Put text that contains ': ' or starts with * & [ { ! | > % @ or a quote in \"double quotes\"";
        }
        return message;
    }
}
