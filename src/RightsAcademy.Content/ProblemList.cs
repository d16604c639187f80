namespace RightsAcademy.Content;

/// <summary>Collects the problems of one course, prefixing paths with the course's display root so every
/// message points at the file as the trainer sees it in the repository.</summary>
internal sealed class ProblemList(string displayRoot)
{
    private readonly List<ContentProblem> items = [];
    private readonly string root = displayRoot.TrimEnd('/');

    public bool HasErrors => items.Any(p => p.Severity == ProblemSeverity.Error);

    public string Display(string relativePath) =>
        root.Length == 0 ? relativePath : relativePath.Length == 0 ? root : $"{root}/{relativePath}";

    public void Error(string relativePath, int line, string code, string message) =>
        items.Add(new ContentProblem(Display(relativePath), Math.Max(1, line), ProblemSeverity.Error, code, message));

    public void Warning(string relativePath, int line, string code, string message) =>
        items.Add(new ContentProblem(Display(relativePath), Math.Max(1, line), ProblemSeverity.Warning, code, message));

    /// <summary>Adds problems that already carry a display path (from the renderer).</summary>
    public void AddRange(IEnumerable<ContentProblem> problems) => items.AddRange(problems);

    /// <summary>Ordered by path, then line, so output reads file by file from top to bottom whatever order
    /// the checks ran in.</summary>
    public IReadOnlyList<ContentProblem> ToSortedList() => items
        .Select((p, i) => (p, i))
        .OrderBy(x => x.p.Path, StringComparer.Ordinal)
        .ThenBy(x => x.p.Line)
        .ThenBy(x => x.i)
        .Select(x => x.p)
        .ToList();
}
