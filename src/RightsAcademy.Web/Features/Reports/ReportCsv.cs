using System.Text;

namespace RightsAcademy.Web.Features.Reports;

/// <summary>
/// A report table as a CSV file for spreadsheets: UTF-8 with a byte order mark (so Excel reads accents and Arabic
/// correctly), RFC 4180 quoting, and every cell that a spreadsheet would take for a formula (starting with = + - @,
/// a tab or a carriage return) prefixed with an apostrophe, so a department or course named "=HYPERLINK(...)"
/// stays text (OWASP CSV injection).
/// </summary>
public static class ReportCsv
{
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: true);

    public static byte[] Write(ReportTable table)
    {
        var text = new StringBuilder();
        AppendRow(text, table.Columns);
        foreach (var row in table.Rows)
        {
            AppendRow(text, row.Select(c => c.Csv));
        }

        return [.. Encoding.GetPreamble(), .. Encoding.GetBytes(text.ToString())];
    }

    public static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    private static void AppendRow(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(',', cells.Select(Cell));
        text.Append("\r\n");
    }
}
