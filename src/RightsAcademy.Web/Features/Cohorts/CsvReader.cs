using System.Text;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>
/// RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. Semicolon-separated files (what
/// spreadsheets write in many European locales) are accepted when the header line has no comma.
/// </summary>
public static class CsvReader
{
    public static List<List<string>> Read(string text)
    {
        text = text.TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var separator = !firstLine.Contains(',', StringComparison.Ordinal) && firstLine.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == separator)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(ch);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
