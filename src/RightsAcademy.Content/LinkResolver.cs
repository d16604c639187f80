namespace RightsAcademy.Content;

/// <summary>Turns relative links in a course's Markdown into the web app's URLs. Paths resolve against the
/// folder of the file that contains the link, exactly as on disk or on a code host, so trainers can check
/// their links by clicking them in their editor.</summary>
internal sealed class LinkResolver(string courseSlug, IContentUrlBuilder urls, IReadOnlyDictionary<string, LinkTarget> targets)
{
    public string? Resolve(string fromPath, string url)
    {
        if (Find(fromPath, url, out var fragment) is not { } target)
            return null;
        if (target.AssetPath is { } assetPath)
            return urls.Asset(courseSlug, assetPath, target.AssetHash!) + Anchor(fragment);
        return target.Page switch
        {
            PageKind.Course => urls.Course(courseSlug) + Anchor(fragment),
            PageKind.Module => urls.Module(courseSlug, target.ModuleSlug!) + Anchor(fragment),
            _ => urls.Lesson(courseSlug, target.ModuleSlug!, target.LessonSlug!, fragment),
        };
    }

    /// <summary>The file a relative URL points to, or null.</summary>
    public LinkTarget? Find(string fromPath, string url, out string? fragment)
    {
        fragment = null;
        var path = url;
        var hash = path.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            fragment = path[(hash + 1)..];
            if (fragment.Length == 0)
                fragment = null;
            path = path[..hash];
        }
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
            path = path[..query];
        if (path.Length == 0 || path.Contains('\\', StringComparison.Ordinal))
            return null;

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return null;
        }

        var resolved = Combine(fromPath, decoded);
        return resolved is not null && targets.TryGetValue(resolved, out var target) ? target : null;
    }

    /// <summary>Resolves "." and ".." against the folder of <paramref name="fromPath"/>; null when the
    /// path climbs out of the course.</summary>
    internal static string? Combine(string fromPath, string relative)
    {
        var parts = new List<string>(fromPath.Split('/')[..^1]);
        foreach (var segment in relative.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (parts.Count == 0)
                        return null;
                    parts.RemoveAt(parts.Count - 1);
                    break;
                default:
                    parts.Add(segment);
                    break;
            }
        }
        return string.Join('/', parts);
    }

    // Left as written: the HTML renderer percent-encodes what a URL cannot hold, and encoding here would
    // break fragments such as a PDF's "#page=2".
    private static string Anchor(string? fragment) => fragment is null ? "" : "#" + fragment;
}
