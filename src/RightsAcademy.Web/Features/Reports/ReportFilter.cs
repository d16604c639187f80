namespace RightsAcademy.Web.Features.Reports;

/// <summary>
/// The report's query string (a GET form, so it works without JavaScript and a filtered view can be bookmarked).
/// <see cref="Municipality"/> is a municipality id or <see cref="AllMunicipalities"/>; empty means the viewer's default.
/// </summary>
public sealed record ReportFilter
{
    public const string AllMunicipalities = "all";

    public string? Municipality { get; init; }

    public Guid? Course { get; init; }

    public Guid? Cohort { get; init; }

    public string? Department { get; init; }

    /// <summary>First day included, in the viewer's time zone.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day included, in the viewer's time zone.</summary>
    public DateOnly? To { get; init; }

    /// <summary>The same filter as query string pairs, for the CSV links and the chart's table.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Query()
    {
        yield return new("municipality", Municipality);
        yield return new("course", Course?.ToString());
        yield return new("cohort", Cohort?.ToString());
        yield return new("department", Department);
        yield return new("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        yield return new("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
