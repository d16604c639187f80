using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Reports;

/// <summary>
/// The report's figures against the hand-built data set in <see cref="ReportFixture"/>: every expected value is
/// computed here from the people that were written, never copied from a run.
/// </summary>
public sealed class ReportFiguresTests(ReportFixture app) : IClassFixture<ReportFixture>
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task A_coordinator_sees_their_municipality_exactly_as_the_data_set_says()
    {
        using var client = await SignedInAsync("coord-big@example.org");
        var big = app.People.Where(p => p.Municipality == ReportFixture.Big).ToList();

        var row = Row(await CsvAsync(client, "/reports/municipalities.csv"), ReportFixture.Big);
        Assert.Equal(Int(big.Count + 1), row[1]); // the coordinator is staff of the municipality too
        Assert.Equal(Int(big.Count(p => p.InvitedAgo is not null)), row[2]);
        Assert.Equal(Int(big.Count(p => p.EnrolledAgo is not null)), row[3]);
        Assert.Equal(Int(big.Count(p => p.LastActiveAgo < TimeSpan.FromDays(30))), row[4]);
        Assert.Equal(Int(big.Count(p => p.Completed)), row[5]);
        Assert.Equal(Int(big.Count(p => p.Completed)), row[6]);

        var course = Row(await CsvAsync(client, "/reports/courses.csv"), SampleCourse.Title);
        var enrolled = big.Count(p => p.EnrolledAgo is not null);
        var completed = big.Where(p => p.Completed).ToList();
        Assert.Equal(Int(enrolled), course[1]);
        Assert.Equal(Int(completed.Count), course[2]);
        Assert.Equal((100.0 * completed.Count / enrolled).ToString("0.#", CultureInfo.InvariantCulture), course[3]);
        Assert.Equal(Median(completed.Select(p => p.CompletedAfter!.Value.TotalDays)).ToString("0.#", CultureInfo.InvariantCulture), course[4]);

        var questions = await CsvAsync(client, "/reports/questions.csv");
        AssertQuestion(Row(questions, "What does the P in PANEL stand for?", column: 2), big.Where(p => p.PanelAnswer is not null).Select(p => p.PanelAnswer!), ["b"]);
        AssertQuestion(Row(questions, "Which are first steps?", column: 2), big.Where(p => p.FirstStepsAnswer is not null).Select(p => p.FirstStepsAnswer!), ["a", "c"]);

        var page = await client.GetPageAsync("/reports");
        Assert.Contains(ReportFixture.Big, page, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportFixture.Small, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_held_attendance_and_practices_shared_follow_the_recorded_sessions()
    {
        using var client = await SignedInAsync("coord-big@example.org");
        var big = app.People.Where(p => p.Municipality == ReportFixture.Big).Select(p => p.Id).ToHashSet();
        var held = app.Sessions.Where(s => !s.Cancelled && s.DaysAgo > 0).ToList();
        var records = held.SelectMany(s => s.Attendance).Where(a => big.Contains(a.Key)).ToList();
        var sessions = held.Count(s => s.Attendance.Keys.Concat(s.Answered).Any(big.Contains));

        var row = Row(await CsvAsync(client, "/reports/sessions.csv"), ReportFixture.Big);
        Assert.Equal(Int(sessions), row[1]);
        Assert.Equal(Int(records.Select(r => r.Key).Distinct().Count()), row[2]);
        Assert.Equal(Int(records.Where(r => r.Value).Select(r => r.Key).Distinct().Count()), row[3]);
        Assert.Equal((100.0 * records.Count(r => r.Value) / records.Count).ToString("0.#", CultureInfo.InvariantCulture), row[4]);
        Assert.Equal(Int(app.Practices.Count(p => p.Municipality == ReportFixture.Big)), row[5]);
        Assert.True(sessions < app.Sessions.Count, "the data set must hold sessions that do not count");
    }

    [Fact]
    public async Task Weekly_trends_count_each_person_in_the_week_of_their_event_in_the_viewers_zone()
    {
        using var client = await SignedInAsync("coord-big@example.org");
        var big = app.People.Where(p => p.Municipality == ReportFixture.Big && p.EnrolledAgo is not null).ToList();
        var rows = await CsvAsync(client, "/reports/weeks.csv");
        Assert.Equal(12, rows.Count - 1);

        var enrolled = big.GroupBy(p => Monday(app.Now - p.EnrolledAgo!.Value)).ToDictionary(g => g.Key, g => g.Count());
        var active = big.GroupBy(p => Monday(app.Now - p.EnrolledAgo!.Value + TimeSpan.FromHours(1))).ToDictionary(g => g.Key, g => g.Count());
        var completed = big.Where(p => p.Completed).GroupBy(p => Monday(app.Now - p.EnrolledAgo!.Value + p.CompletedAfter!.Value)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var row in rows.Skip(1))
        {
            var week = DateOnly.ParseExact(row[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Equal(Int(enrolled.GetValueOrDefault(week)), row[1]);
            Assert.Equal(Int(active.GetValueOrDefault(week)), row[2]);
            Assert.Equal(Int(completed.GetValueOrDefault(week)), row[3]);
        }

        Assert.Equal(big.Count, rows.Skip(1).Sum(r => int.Parse(r[1], CultureInfo.InvariantCulture)));

        // The chart is drawn on the server with its text alternative, and no inline style the CSP would block.
        var page = await client.GetPageAsync("/reports");
        Assert.Contains("<svg role=\"img\" aria-labelledby=\"trend-chart-title trend-chart-desc\"", page, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"trend-chart-desc\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
        // A marker of its own shape on every week of each line (nothing is suppressed here), and one in the legend.
        foreach (var marker in new[] { "<circle class=\"chart-marker chart-series-0\"", "<rect class=\"chart-marker chart-series-1\"", "<polygon class=\"chart-marker chart-series-2\"" })
        {
            Assert.Equal(rows.Count - 1 + 1, page.Split(marker).Length - 1);
        }
    }

    [Fact]
    public async Task Filters_by_period_department_course_and_cohort_narrow_the_figures()
    {
        using var client = await SignedInAsync("coord-big@example.org");
        var big = app.People.Where(p => p.Municipality == ReportFixture.Big).ToList();

        var from = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Now - TimeSpan.FromDays(35), Paris).DateTime);
        var inPeriod = big.Count(p => p.EnrolledAgo is { } ago && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Now - ago, Paris).DateTime) >= from);
        var period = Row(await CsvAsync(client, $"/reports/municipalities.csv?from={from:yyyy-MM-dd}"), ReportFixture.Big);
        Assert.Equal(Int(inPeriod), period[3]);
        Assert.InRange(inPeriod, 1, big.Count(p => p.EnrolledAgo is not null) - 1);

        var parks = Row(await CsvAsync(client, "/reports/municipalities.csv?department=Parks"), ReportFixture.Big);
        Assert.Equal(Int(big.Count(p => p.Department == "Parks")), parks[1]);
        Assert.Equal(Int(big.Count(p => p.Department == "Parks" && p.EnrolledAgo is not null)), parks[3]);

        var cohort = Row(await CsvAsync(client, $"/reports/municipalities.csv?cohort={app.Cohort.Id}"), ReportFixture.Big);
        Assert.Equal(Int(big.Count(p => p.InCohort)), cohort[1]);
        Assert.Equal(Int(big.Count(p => p.InCohort && p.Completed)), cohort[5]);

        var otherCourse = await CsvAsync(client, $"/reports/courses.csv?course={Guid.NewGuid()}");
        Assert.Single(otherCourse); // the header only
        var course = Row(await CsvAsync(client, $"/reports/courses.csv?course={app.CourseId}"), SampleCourse.Title);
        Assert.Equal(Int(big.Count(p => p.EnrolledAgo is not null)), course[1]);

        // The form is a plain GET form: it works without JavaScript and keeps what was chosen.
        var page = await client.GetPageAsync($"/reports?department=Parks&from={from:yyyy-MM-dd}");
        Assert.Contains("<form method=\"get\" action=\"/reports\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Parks\" selected=\"selected\">", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{from:yyyy-MM-dd}\"", page, StringComparison.Ordinal);
        Assert.Contains($"/reports/courses.csv?department=Parks&amp;from={from:yyyy-MM-dd}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coverage_is_measured_against_the_target_headcount_the_coordinator_sets()
    {
        using var client = await SignedInAsync("coord-big@example.org");
        var wrong = await client.PostFormAsync("/reports", "/reports/targets",
            ("municipality", app.BigCity.Id.ToString()), ("Target.Department", "Housing"), ("Target.Headcount", "-3"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Enter a whole number from 0 to 1,000,000.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        const int target = 20;
        var saved = await client.PostFormAsync("/reports", "/reports/targets",
            ("municipality", app.BigCity.Id.ToString()), ("Target.Department", "Housing"), ("Target.Headcount", target.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var housing = app.People.Where(p => p.Municipality == ReportFixture.Big && p.Department == "Housing").ToList();
        var row = Row(await CsvAsync(client, "/reports/departments.csv"), "Housing");
        Assert.Equal(Int(target), row[1]);
        Assert.Equal(Int(housing.Count), row[2]);
        Assert.Equal(Int(housing.Count(p => p.Completed)), row[3]);
        Assert.Equal((100.0 * housing.Count(p => p.Completed) / target).ToString("0.#", CultureInfo.InvariantCulture), row[4]);

        // Another municipality's targets are out of reach.
        var other = await client.PostFormAsync("/reports", "/reports/targets",
            ("municipality", app.SmallCity.Id.ToString()), ("Target.Department", "Housing"), ("Target.Headcount", "99"));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        await using var db = app.Factory.Database.CreateDbContext();
        Assert.False(await db.DepartmentTargets.AnyAsync(t => t.MunicipalityId == app.SmallCity.Id));
    }

    private static void AssertQuestion(IReadOnlyList<string> row, IEnumerable<string[]> answers, string[] key)
    {
        var list = answers.ToList();
        var right = list.Count(a => a.Order(StringComparer.Ordinal).SequenceEqual(key.Order(StringComparer.Ordinal)));
        Assert.Equal(Int(list.Count), row[3]);
        Assert.Equal(Int(list.Count), row[4]);
        Assert.Equal((100.0 * right / list.Count).ToString("0.#", CultureInfo.InvariantCulture), row[5]);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static DateOnly Monday(DateTimeOffset utc)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, Paris).DateTime);
        return date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static IReadOnlyList<string> Row(List<List<string>> rows, string first, int column = 0) =>
        rows.Single(r => r.Count > column && r[column] == first);

    internal static async Task<List<List<string>>> CsvAsync(FormClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return CsvReader.Read(await response.Content.ReadAsStringAsync());
    }

    private async Task<FormClient> SignedInAsync(string email)
    {
        var client = app.Factory.CreateFormClient();
        await client.SignInAsync(email);
        return client;
    }
}
