using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RightsAcademy.Content;

/// <summary>Typed, reported access to the keys of one YAML mapping. Every read checks presence, type and
/// range and reports with the value's line, so the schemas stay declarative and no check forgets a line.</summary>
internal sealed class YamlFields
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> entries = new(StringComparer.Ordinal);
    private readonly string path;
    private readonly ProblemList problems;
    private readonly int firstLine;
    private readonly string keyPrefix;

    /// <param name="firstLine">1-based file line of the YAML's first line.</param>
    /// <param name="ownerLine">Where missing keys are reported: the opening '---', the fence, the list item.</param>
    /// <param name="keyPrefix">For nested maps, e.g. "completion.", so messages name the full key.</param>
    public YamlFields(YamlMappingNode map, string path, ProblemList problems, int firstLine, int ownerLine, string keyPrefix = "")
    {
        this.path = path;
        this.problems = problems;
        this.firstLine = firstLine;
        this.keyPrefix = keyPrefix;
        OwnerLine = ownerLine;
        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
                entries[name] = (key, value);
            else
                problems.Error(path, LineOf(key), ProblemCodes.WrongType, "keys must be plain words such as title");
        }
    }

    public int OwnerLine { get; }

    /// <summary>The file line of YAML line 1, shared by nested mappings of the same YAML.</summary>
    public int FirstLine => firstLine;

    public int LineOf(YamlNode node) => firstLine + (int)node.Start.Line - 1;

    public string Name(string key) => keyPrefix + key;

    /// <summary>Reports keys not in <paramref name="allowed"/>, suggesting the nearest one (most are typos).</summary>
    public void RejectUnknown(IReadOnlyCollection<string> allowed)
    {
        foreach (var (name, (key, _)) in entries)
        {
            if (allowed.Contains(name))
                continue;
            var suggestion = allowed.MinBy(a => EditDistance(a, name));
            var hint = suggestion is not null && EditDistance(suggestion, name) <= 2
                ? $"did you mean '{Name(suggestion)}'?"
                : $"allowed here: {string.Join(", ", allowed.Select(Name))}";
            problems.Error(path, LineOf(key), ProblemCodes.UnknownKey, $"unknown key '{Name(name)}' ({hint})");
        }
    }

    /// <summary>True when the key is present with a non-null value.</summary>
    public bool Has(string key) => entries.TryGetValue(key, out var entry) && !IsNull(entry.Value);

    public YamlNode? Node(string key) => entries.TryGetValue(key, out var entry) && !IsNull(entry.Value) ? entry.Value : null;

    public int LineOfKey(string key) => entries.TryGetValue(key, out var entry) ? LineOf(entry.Key) : OwnerLine;

    public void Missing(string key, string? why = null) =>
        problems.Error(path, OwnerLine, ProblemCodes.MissingKey, $"missing required key '{Name(key)}'{why}");

    /// <summary>Any scalar is text (YAML would type "2024" as a number, but a title of 2024 is fine).</summary>
    public string? Text(string key, bool required, int maxLength = int.MaxValue)
    {
        if (!Present(key, required, out var node))
            return null;
        if (node is not YamlScalarNode scalar)
        {
            WrongType(node, key, "text");
            return null;
        }
        var value = (scalar.Value ?? "").Trim();
        if (value.Length == 0)
        {
            if (required)
                problems.Error(path, LineOf(node), ProblemCodes.EmptyValue, $"'{Name(key)}' is empty");
            return null;
        }
        if (value.Length > maxLength)
        {
            problems.Error(path, LineOf(node), ProblemCodes.TextTooLong,
                $"'{Name(key)}' is {value.Length} characters long; at most {maxLength} are allowed");
            return null;
        }
        return value;
    }

    public int? Integer(string key, bool required, int min, int max, string rangeCode = ProblemCodes.OutOfRange)
    {
        if (!Present(key, required, out var node))
            return null;
        if (!IsPlain(node, out var text)
            || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            WrongType(node, key, "a whole number");
            return null;
        }
        if (value < min || value > max)
        {
            problems.Error(path, LineOf(node), rangeCode, $"'{Name(key)}' must be from {min} to {max}, not {value}");
            return null;
        }
        return value;
    }

    /// <summary>A decimal number greater than <paramref name="exclusiveMin"/> and at most <paramref name="max"/>.</summary>
    public decimal? Number(string key, bool required, decimal exclusiveMin, decimal max)
    {
        if (!Present(key, required, out var node))
            return null;
        if (!IsPlain(node, out var text)
            || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var value))
        {
            WrongType(node, key, "a number such as 4 or 1.5");
            return null;
        }
        if (value <= exclusiveMin || value > max)
        {
            problems.Error(path, LineOf(node), ProblemCodes.OutOfRange,
                $"'{Name(key)}' must be more than {exclusiveMin.ToString(CultureInfo.InvariantCulture)} and at most {max.ToString(CultureInfo.InvariantCulture)}, not {text}");
            return null;
        }
        return value;
    }

    public bool? Boolean(string key, bool required)
    {
        if (!Present(key, required, out var node))
            return null;
        if (IsPlain(node, out var text))
        {
            switch (text)
            {
                case "true" or "True" or "TRUE": return true;
                case "false" or "False" or "FALSE": return false;
                default: break;
            }
        }
        WrongType(node, key, "true or false");
        return null;
    }

    /// <summary>One of a fixed set of words, e.g. level: introductory.</summary>
    public string? Choice(string key, bool required, IReadOnlyList<string> allowed)
    {
        if (!Present(key, required, out var node))
            return null;
        if (node is not YamlScalarNode scalar)
        {
            WrongType(node, key, Alternatives(allowed));
            return null;
        }
        var value = (scalar.Value ?? "").Trim();
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            problems.Error(path, LineOf(node), ProblemCodes.InvalidValue,
                $"'{Name(key)}' must be {Alternatives(allowed)}, not '{MarkdownRenderer.Shorten(value)}'");
            return null;
        }
        return value;
    }

    /// <summary>A list of scalars, e.g. [en, fr]; each item with its line.</summary>
    public IReadOnlyList<(string Value, int Line)>? List(string key, bool required)
    {
        if (!Present(key, required, out var node))
            return null;
        if (node is not YamlSequenceNode sequence)
        {
            WrongType(node, key, "a list such as [a, b]");
            return null;
        }
        var items = new List<(string, int)>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } value } && !IsNull(item))
                items.Add((value.Trim(), LineOf(item)));
            else
                problems.Error(path, LineOf(item), ProblemCodes.WrongType, $"each item of '{Name(key)}' must be a single word or text");
        }
        return items;
    }

    /// <summary>A nested mapping such as completion.</summary>
    public YamlFields? Map(string key)
    {
        if (!Present(key, false, out var node))
            return null;
        if (node is not YamlMappingNode map)
        {
            WrongType(node, key, "a map of 'key: value' lines indented below it");
            return null;
        }
        return new YamlFields(map, path, problems, firstLine, LineOf(node), Name(key) + ".");
    }

    public void WrongType(YamlNode node, string key, string expected) =>
        problems.Error(path, LineOf(node), ProblemCodes.WrongType,
            $"'{Name(key)}' must be {expected}, not {Describe(node)}");

    private bool Present(string key, bool required, out YamlNode node)
    {
        if (entries.TryGetValue(key, out var entry) && !IsNull(entry.Value))
        {
            node = entry.Value;
            return true;
        }
        node = null!;
        if (required)
        {
            if (entries.TryGetValue(key, out var empty))
                problems.Error(path, LineOf(empty.Key), ProblemCodes.EmptyValue, $"'{Name(key)}' is empty");
            else
                Missing(key);
        }
        return false;
    }

    /// <summary>Numbers and booleans must be unquoted: "15" in quotes is text in YAML, and accepting it
    /// would hide the difference trainers need to learn once.</summary>
    private static bool IsPlain(YamlNode node, out string text)
    {
        text = node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { } value } ? value.Trim() : "";
        return text.Length > 0;
    }

    internal static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } s => $"the quoted text \"{MarkdownRenderer.Shorten(s.Value ?? "")}\"",
        YamlScalarNode s => $"'{MarkdownRenderer.Shorten(s.Value ?? "")}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a map",
        _ => "this value",
    };

    private static string Alternatives(IReadOnlyList<string> allowed) =>
        allowed.Count == 1 ? allowed[0] : string.Join(", ", allowed.Take(allowed.Count - 1)) + " or " + allowed[^1];

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
