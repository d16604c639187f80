namespace RightsAcademy.Content;

public enum ProblemSeverity
{
    /// <summary>The course cannot be imported until this is fixed.</summary>
    Error,

    /// <summary>Worth fixing, but the course still imports.</summary>
    Warning,
}

/// <summary>Something wrong with the content, located so a trainer can jump to it.</summary>
/// <param name="Path">The file (or folder) as the trainer sees it, prefixed with the course's display root.</param>
/// <param name="Line">1-based; 1 when the problem has no better place.</param>
/// <param name="Code">A stable kebab-case id (see <see cref="ProblemCodes"/>) for tests, filters and docs.</param>
/// <param name="Message">For trainers: what is wrong and, where it helps, how to fix it.</param>
public sealed record ContentProblem(string Path, int Line, ProblemSeverity Severity, string Code, string Message)
{
    /// <summary>"path:line: message", the format editors and CI logs turn into clickable locations;
    /// warnings say so after the location.</summary>
    public override string ToString() => Severity == ProblemSeverity.Warning
        ? $"{Path}:{Line}: warning: {Message}"
        : $"{Path}:{Line}: {Message}";
}
