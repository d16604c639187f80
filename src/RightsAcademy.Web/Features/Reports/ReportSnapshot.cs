namespace RightsAcademy.Web.Features.Reports;

/// <summary>
/// The report for one scope and filter, computed at <see cref="ComputedUtc"/> and formatted for one language: what
/// <see cref="ReportFiguresCache"/> keeps. Nothing in it depends on who views it (the scope was already allowed);
/// the viewer's own choices (municipalities, cohorts) and the antiforgery token are added per request.
/// </summary>
/// <param name="QuestionsComplete">False when the page's question table lists only the most missed questions; the CSV then computes them all.</param>
/// <param name="MunicipalityNames">The names of the scope's municipalities, by id.</param>
/// <param name="Courses">Every course (id, title in the viewer's language), ordered by title, for the filter.</param>
/// <param name="Departments">The scope's departments, ordered, for the filter.</param>
public sealed record ReportSnapshot(
    DateTimeOffset ComputedUtc,
    string ScopeName,
    IReadOnlyList<ReportTable> Tables,
    TrendChart Chart,
    bool QuestionsComplete,
    IReadOnlyDictionary<Guid, string> MunicipalityNames,
    IReadOnlyList<KeyValuePair<Guid, string>> Courses,
    IReadOnlyList<string> Departments)
{
    /// <summary>
    /// A rough size for the cache's bound: two bytes a character plus a fixed overhead per object. It only has to be
    /// in proportion, so that a view across 200 municipalities counts for more than one municipality's view.
    /// </summary>
    public long ApproximateBytes()
    {
        const int Overhead = 48;
        long bytes = 4096 + (Chart.Series.Sum(s => s.Segments.Sum(p => p.Count)) * Overhead);
        foreach (var table in Tables)
        {
            bytes += table.Columns.Sum(c => Overhead + (2L * c.Length));
            bytes += table.Rows.Sum(row => row.Sum(c => (3L * Overhead) + (2L * (c.Text.Length + c.Csv.Length))));
        }

        bytes += MunicipalityNames.Values.Sum(n => Overhead + (2L * n.Length));
        bytes += Courses.Sum(c => (2L * Overhead) + (2L * c.Value.Length));
        bytes += Departments.Sum(d => Overhead + (2L * d.Length));
        return bytes;
    }
}

/// <summary>
/// Everything that changes a <see cref="ReportSnapshot"/>: the scope (municipalities, whether suppressed, cohort, course,
/// department), the period as chosen (an open end means "until now", so the key holds the chosen days, not the
/// instants), the time zone (weeks and dates), and the culture and language (numbers, dates, titles and words).
/// <see cref="Generation"/> is set by the cache: saving a target moves a municipality to a new generation.
/// </summary>
public readonly record struct ReportSnapshotKey(
    string Municipalities,
    bool Across,
    Guid? Cohort,
    Guid? Course,
    string? Department,
    DateOnly? From,
    DateOnly? To,
    string TimeZone,
    string Culture,
    string Language,
    int Generation = 0);
