using System.Net;
using System.Text;
using RightsAcademy.Web.Features.Reports;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Reports;

/// <summary>Who sees which figures: own municipality exactly, other municipalities never, cross views suppressed.</summary>
public sealed class ReportAccessTests(ReportFixture app) : IClassFixture<ReportFixture>
{
    private static readonly string FewerThanFive = "fewer than 5";

    [Fact]
    public async Task A_coordinator_cannot_see_another_municipalitys_figures_even_by_editing_the_url()
    {
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("coord-small@example.org");

        foreach (var url in new[]
        {
            $"/reports?municipality={app.BigCity.Id}",
            $"/reports/municipalities.csv?municipality={app.BigCity.Id}",
            $"/reports/departments.csv?municipality={app.BigCity.Id}",
            "/reports?municipality=all",
            "/reports/courses.csv?municipality=all",
            // A cohort that includes their municipality but that they do not run gives no view across municipalities.
            $"/reports?municipality=all&cohort={app.Cohort.Id}",
            $"/reports/questions.csv?municipality=all&cohort={app.Cohort.Id}",
            "/reports?municipality=not-a-guid",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        }

        // Their own page and files hold their municipality only, exactly (three learners and the coordinator).
        var rows = await ReportFiguresTests.CsvAsync(client, "/reports/municipalities.csv");
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal(ReportFixture.Small, row[0]);
        Assert.Equal("4", row[1]);
        Assert.DoesNotContain(ReportFixture.Big, await client.GetPageAsync("/reports"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Learners_and_anonymous_visitors_are_refused()
    {
        using var learner = app.Factory.CreateFormClient();
        await learner.SignInAsync("reports-learner@example.org");
        var refused = await learner.GetAsync("/reports");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/access-denied", refused.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await learner.GetAsync("/reports/municipalities.csv")).StatusCode);

        using var anonymous = app.Factory.CreateFormClient();
        var challenge = await anonymous.GetAsync("/reports/courses.csv");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith("/account/sign-in", challenge.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Across_municipalities_every_group_of_fewer_than_five_people_reads_fewer_than_5()
    {
        using var admin = app.Factory.CreateFormClient();
        await admin.SignInAsync("reports-admin@example.org");
        var rows = await ReportFiguresTests.CsvAsync(admin, "/reports/municipalities.csv?municipality=all");
        var big = app.People.Where(p => p.Municipality == ReportFixture.Big).ToList();

        // Smallville has three learners and a coordinator: nothing about it is exact.
        var small = ReportFiguresTests.Row(rows, ReportFixture.Small);
        Assert.All(small.Skip(1), cell => Assert.Equal(FewerThanFive, cell));
        // Reportville's groups are large enough to show, except where a group is small.
        var bigRow = ReportFiguresTests.Row(rows, ReportFixture.Big);
        Assert.Equal((big.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), bigRow[1]);
        Assert.Equal(big.Count(p => p.Completed).ToString(System.Globalization.CultureInfo.InvariantCulture), bigRow[5]);

        // The course row adds both cities: large enough.
        var course = ReportFiguresTests.Row(await ReportFiguresTests.CsvAsync(admin, "/reports/courses.csv?municipality=all"), SampleCourse.Title);
        Assert.Equal(app.People.Count(p => p.EnrolledAgo is not null).ToString(System.Globalization.CultureInfo.InvariantCulture), course[1]);

        // A small department across municipalities is suppressed, its rates too.
        var formula = await ReportFiguresTests.CsvAsync(admin, $"/reports/courses.csv?municipality=all&department={Uri.EscapeDataString("Parks")}");
        var parks = ReportFiguresTests.Row(formula, SampleCourse.Title);
        Assert.Equal(FewerThanFive, parks[1]);
        Assert.Equal(FewerThanFive, parks[3]);
        Assert.Equal(FewerThanFive, parks[4]);

        // The page says why, and its chart and tables never show a small group's number.
        var page = await admin.GetPageAsync("/reports?municipality=all");
        Assert.Contains("any group of fewer than 5 people", page, StringComparison.Ordinal);
        Assert.Contains("Coverage is measured against each municipality", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/reports/departments.csv?municipality=all")).StatusCode);

        // One municipality chosen by an admin: exact again.
        var exact = await ReportFiguresTests.CsvAsync(admin, $"/reports/municipalities.csv?municipality={app.SmallCity.Id}");
        Assert.Equal("4", ReportFiguresTests.Row(exact, ReportFixture.Small)[1]);
    }

    [Fact]
    public async Task A_coordinator_of_a_multi_city_cohort_sees_its_members_across_cities_with_small_groups_suppressed()
    {
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("coord-big@example.org");
        var rows = await ReportFiguresTests.CsvAsync(client, $"/reports/municipalities.csv?municipality=all&cohort={app.Cohort.Id}");

        var members = app.People.Where(p => p.InCohort).ToList();
        var big = ReportFiguresTests.Row(rows, ReportFixture.Big);
        Assert.Equal(members.Count(p => p.Municipality == ReportFixture.Big).ToString(System.Globalization.CultureInfo.InvariantCulture), big[1]);
        Assert.Equal(members.Count(p => p.Municipality == ReportFixture.Big && p.Completed).ToString(System.Globalization.CultureInfo.InvariantCulture), big[5]);
        var small = ReportFiguresTests.Row(rows, ReportFixture.Small);
        Assert.True(members.Count(p => p.Municipality == ReportFixture.Small) < ReportScope.SmallGroup);
        Assert.All(small.Skip(1), cell => Assert.Equal(FewerThanFive, cell));

        // Without the cohort there is no view across municipalities.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/reports?municipality=all")).StatusCode);
        var page = await client.GetPageAsync($"/reports?municipality=all&cohort={app.Cohort.Id}");
        Assert.Contains(ReportFixture.CohortTitle, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_view_across_cities_is_offered_to_the_coordinator_of_a_multi_city_cohort_only()
    {
        const string acrossOption = "<option value=\"all\"";
        using var big = app.Factory.CreateFormClient();
        await big.SignInAsync("coord-big@example.org");
        using var small = app.Factory.CreateFormClient();
        await small.SignInAsync("coord-small@example.org");

        // Reportville's coordinator runs the two-city cohort: their own page offers the view across its cities.
        var own = await big.GetPageAsync("/reports");
        Assert.Contains(acrossOption + ">All municipalities of my multi-city cohort", own, StringComparison.Ordinal);
        var across = await big.GetPageAsync($"/reports?municipality=all&cohort={app.Cohort.Id}");
        Assert.Contains(acrossOption + " selected=\"selected\">", across, StringComparison.Ordinal);

        // Smallville's coordinator only has the cohort in their municipality: they may filter by it, not look across.
        var smallPage = await small.GetPageAsync("/reports");
        Assert.Contains($"<option value=\"{app.Cohort.Id}\">{ReportFixture.CohortTitle}</option>", smallPage, StringComparison.Ordinal);
        Assert.DoesNotContain(acrossOption, smallPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_files_start_with_a_byte_order_mark_and_neutralise_formula_cells()
    {
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("coord-big@example.org");
        var response = await client.GetAsync("/reports/departments.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);

        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.DoesNotContain("\n=", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"=", text, StringComparison.Ordinal);
        var rows = Web.Features.Cohorts.CsvReader.Read(text);
        Assert.Contains(rows, r => r[0] == "'" + ReportFixture.FormulaDepartment);
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("مرحبا", "مرحبا")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_prefixed_with_an_apostrophe(string value, string expected) =>
        Assert.Equal(expected, ReportCsv.Cell(value));
}
