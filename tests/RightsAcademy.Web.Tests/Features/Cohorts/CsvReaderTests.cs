using RightsAcademy.Web.Features.Cohorts;

namespace RightsAcademy.Web.Tests.Features.Cohorts;

public sealed class CsvReaderTests
{
    [Fact]
    public void Quoted_fields_keep_separators_quotes_and_line_breaks()
    {
        var rows = CsvReader.Read("\uFEFFname,email\r\n\"Haddad, Layla\",l@example.org\r\n\"Say \"\"hi\"\"\nthere\",x@example.org\n");

        Assert.Equal([["name", "email"], ["Haddad, Layla", "l@example.org"], ["Say \"hi\"\nthere", "x@example.org"]], rows);
    }

    [Fact]
    public void A_semicolon_file_from_a_european_spreadsheet_is_read_and_a_missing_final_newline_is_fine()
    {
        var rows = CsvReader.Read("name;email\nJosé Pérez;jose@example.org");

        Assert.Equal([["name", "email"], ["José Pérez", "jose@example.org"]], rows);
    }

    [Fact]
    public void Arabic_names_pass_through_unchanged()
    {
        var rows = CsvReader.Read("name,email\nليلى حداد,layla@example.org\n");

        Assert.Equal("ليلى حداد", rows[1][0]);
    }
}
