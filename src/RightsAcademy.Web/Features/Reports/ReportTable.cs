namespace RightsAcademy.Web.Features.Reports;

/// <summary>
/// One table of the report, already formatted and suppressed: the page renders it and the CSV export writes the
/// same cells, so the two can never disagree about what may be shown.
/// </summary>
public sealed record ReportTable(string Id, string Title, string? Note, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows);

/// <param name="Text">As shown on the page, in the viewer's culture.</param>
/// <param name="Csv">As written to the CSV file: plain invariant numbers for spreadsheets, the same words otherwise.</param>
public sealed record ReportCell(string Text, string Csv, bool Suppressed = false, bool Numeric = true);

public sealed record ReportTableView(ReportTable Table, string ExportUrl)
{
    /// <summary>Numeric columns are aligned to the end, their heading with them; the first column heads the rows.</summary>
    public string? HeaderClass(int column) => column > 0 && Table.Rows.Count > 0 && Table.Rows[0][column].Numeric ? "num" : null;
}
