using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Reports;

/// <summary>The report page and its CSV tables: the scope, the figures, formatted and suppressed once for both.</summary>
public static partial class ShowReport
{
    public static class Tables
    {
        public const string Municipalities = "municipalities";
        public const string Courses = "courses";
        public const string Questions = "questions";
        public const string Weeks = "weeks";
        public const string Departments = "departments";
        public const string Sessions = "sessions";

        public static readonly IReadOnlyList<string> All = [Municipalities, Courses, Questions, Weeks, Sessions, Departments];
    }

    /// <summary>Weeks shown when no period is chosen, and the most a chosen period draws.</summary>
    public const int DefaultWeeks = 12;
    public const int MaxWeeks = 104;

    /// <summary>Quiz questions the page lists when no course is chosen: those with the lowest share of right answers.</summary>
    public const int QuestionsOnPage = 20;

    public sealed record Choices(
        IReadOnlyList<SelectListItem> Municipalities,
        IReadOnlyList<SelectListItem> Courses,
        IReadOnlyList<SelectListItem> Cohorts,
        IReadOnlyList<SelectListItem> Departments);

    /// <param name="FiguresUtc">When the figures were computed: they may come from <see cref="ReportFiguresCache"/>.</param>
    /// <param name="FiguresKeptFor">How long figures are reused (zero: computed for this request).</param>
    public sealed record Page(
        ReportFilter Filter,
        string ScopeName,
        bool Suppressed,
        Choices Choices,
        IReadOnlyList<ReportTable> Tables,
        TrendChart Chart,
        Guid? TargetsMunicipalityId,
        DateTimeOffset FiguresUtc,
        TimeSpan FiguresKeptFor);

    public sealed class Handler(AppDbContext db, ReportAccess access, ReportFigures figures, ReportFiguresCache cache, TimeProvider clock,
        IStringLocalizer<SharedResource> t)
    {
        public async Task<Page?> HandleAsync(ClaimsPrincipal user, ReportFilter filter, string timeZone, CancellationToken cancellationToken)
        {
            var scope = await access.ResolveAsync(user, filter, timeZone, cancellationToken);
            if (scope is null)
            {
                return null;
            }

            var snapshot = await SnapshotAsync(scope, filter, cancellationToken);
            return new Page(filter, snapshot.ScopeName, scope.AcrossMunicipalities, await ChoicesAsync(user, filter, scope, snapshot, cancellationToken),
                snapshot.Tables, snapshot.Chart, scope.SingleMunicipality, snapshot.ComputedUtc, cache.Lifetime);
        }

        /// <summary>One table for the CSV export; null when the viewer may not see it (or it does not exist for the scope).</summary>
        public async Task<ReportTable?> TableAsync(ClaimsPrincipal user, ReportFilter filter, string table, string timeZone, CancellationToken cancellationToken)
        {
            if (!Tables.All.Contains(table, StringComparer.Ordinal))
            {
                return null;
            }

            var scope = await access.ResolveAsync(user, filter, timeZone, cancellationToken);
            if (scope is null)
            {
                return null;
            }

            // The page's tables, as cached, are the CSV's, except the question table when the page lists only the most
            // missed: the file has every question, computed when asked (rarely, and too large to keep for everyone).
            var snapshot = await SnapshotAsync(scope, filter, cancellationToken);
            if (table == Tables.Questions && !snapshot.QuestionsComplete)
            {
                var titles = await CourseTitlesAsync(cancellationToken);
                return (await QuestionsAsync(scope, new ReportCells(t, scope.AcrossMunicipalities), titles, forPage: false, cancellationToken)).Table;
            }

            return snapshot.Tables.FirstOrDefault(x => x.Id == table);
        }

        private Task<ReportSnapshot> SnapshotAsync(ReportScope scope, ReportFilter filter, CancellationToken cancellationToken)
        {
            var key = new ReportSnapshotKey(
                string.Join(',', scope.MunicipalityIds.Order()), scope.AcrossMunicipalities, scope.CohortId, scope.CourseId, scope.Department,
                filter.From, filter.To, scope.TimeZone, CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name);
            return cache.GetAsync(key, scope.SingleMunicipality, token => ComputeAsync(scope, token), cancellationToken);
        }

        /// <summary>Every figure of the page, formatted and suppressed, with what the filters list: the part worth keeping.</summary>
        private async Task<ReportSnapshot> ComputeAsync(ReportScope scope, CancellationToken cancellationToken)
        {
            // Taken before the first statement: the figures are at least as recent as this.
            var computedUtc = clock.GetUtcNow();
            var cells = new ReportCells(t, scope.AcrossMunicipalities);
            // Read once: the course table, the question table and the course filter all show them.
            var titles = await CourseTitlesAsync(cancellationToken);
            var names = await db.Municipalities.AsNoTracking().Where(m => scope.MunicipalityIds.Contains(m.Id))
                .ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
            var (weeks, chart) = await WeeksAsync(scope, cells, cancellationToken);
            var questions = await QuestionsAsync(scope, cells, titles, forPage: true, cancellationToken);
            var tables = new List<ReportTable>
            {
                await MunicipalitiesAsync(scope, cells, names, cancellationToken),
                await CoursesAsync(scope, cells, titles, cancellationToken),
                questions.Table,
                weeks,
                await SessionsAsync(scope, cells, names, cancellationToken),
            };
            if (scope.SingleMunicipality is not null)
            {
                tables.Add(await DepartmentsAsync(scope, cells, cancellationToken));
            }

            var departments = await db.Users.AsNoTracking()
                .Where(u => scope.MunicipalityIds.Contains(u.MunicipalityId) && u.Department != null && u.DeletedUtc == null)
                .Select(u => u.Department!).Distinct().ToListAsync(cancellationToken);
            var courses = titles.OrderBy(x => x.Value, StringComparer.CurrentCulture).ToList();
            return new ReportSnapshot(computedUtc, await ScopeNameAsync(scope, names, cancellationToken), tables, chart, questions.Complete, names, courses,
                [.. departments.Order(StringComparer.CurrentCulture)]);
        }

        private async Task<ReportTable> MunicipalitiesAsync(ReportScope scope, ReportCells cells, IReadOnlyDictionary<Guid, string> names,
            CancellationToken cancellationToken)
        {
            var rows = await figures.MunicipalitiesAsync(scope, cancellationToken);
            var body = rows
                .OrderBy(r => names.GetValueOrDefault(r.MunicipalityId, ""), StringComparer.CurrentCulture)
                .Select(r => (IReadOnlyList<ReportCell>)
                [
                    cells.Text(names.GetValueOrDefault(r.MunicipalityId, "")),
                    cells.Count(r.Staff), cells.Count(r.Invited), cells.Count(r.Enrolled), cells.Count(r.Active), cells.Count(r.Completed),
                    cells.Count(r.Certificates),
                ])
                .ToList();
            return new ReportTable(Tables.Municipalities, t["Reports.Municipalities.Title"], t["Reports.Municipalities.Note", ReportFigures.ActiveDays],
                [t["Reports.Col.Municipality"], t["Reports.Col.Staff"], t["Reports.Col.Invited"], t["Reports.Col.Enrolled"],
                 t["Reports.Col.Active", ReportFigures.ActiveDays], t["Reports.Col.Completed"], t["Reports.Col.Certificates"]], body);
        }

        private async Task<ReportTable> SessionsAsync(ReportScope scope, ReportCells cells, IReadOnlyDictionary<Guid, string> names,
            CancellationToken cancellationToken)
        {
            var rows = await figures.SessionsAsync(scope, cancellationToken);
            var body = rows
                .OrderBy(r => names.GetValueOrDefault(r.MunicipalityId, ""), StringComparer.CurrentCulture)
                .Select(r => (IReadOnlyList<ReportCell>)
                [
                    cells.Text(names.GetValueOrDefault(r.MunicipalityId, "")),
                    // Sessions and practices are not groups of people: they show as they are.
                    cells.Number(r.Sessions), cells.Count(r.People), cells.Count(r.Attendees),
                    cells.Hidden(r.People) || cells.Hidden(r.Attendees) ? cells.Count(r.Attendees) : cells.Share(r.Attended, r.Records),
                    cells.Number(r.Practices),
                ])
                .ToList();
            return new ReportTable(Tables.Sessions, t["Reports.Sessions.Title"], t["Reports.Sessions.Note"],
                [t["Reports.Col.Municipality"], t["Reports.Col.SessionsHeld"], t["Reports.Col.PeopleExpected"], t["Reports.Col.Attended"],
                 t["Reports.Col.AttendanceRate"], t["Reports.Col.PracticesShared"]], body);
        }

        private async Task<ReportTable> CoursesAsync(ReportScope scope, ReportCells cells, IReadOnlyDictionary<Guid, string> titles,
            CancellationToken cancellationToken)
        {
            var rows = await figures.CoursesAsync(scope, cancellationToken);
            var body = rows
                .Select(r => (Title: titles.GetValueOrDefault(r.CourseId, ""), Row: r))
                .OrderBy(x => x.Title, StringComparer.CurrentCulture)
                .Select(x => (IReadOnlyList<ReportCell>)
                [
                    cells.Text(x.Title), cells.Count(x.Row.Enrolled), cells.Count(x.Row.Completed),
                    cells.Rate(x.Row.Completed, x.Row.Enrolled), cells.Days(x.Row.MedianDays, x.Row.Completed),
                ])
                .ToList();
            return new ReportTable(Tables.Courses, t["Reports.Courses.Title"], t["Reports.Courses.Note"],
                [t["Reports.Col.Course"], t["Reports.Col.Enrolments"], t["Reports.Col.Completed"], t["Reports.Col.CompletionRate"], t["Reports.Col.MedianDays"]],
                body);
        }

        private async Task<(ReportTable Table, bool Complete)> QuestionsAsync(ReportScope scope, ReportCells cells, IReadOnlyDictionary<Guid, string> courseTitles,
            bool forPage, CancellationToken cancellationToken)
        {
            var rows = await figures.QuestionsAsync(scope, cancellationToken);

            // Sixty courses make thousands of questions: a page listing them all would weigh half a megabyte and hide
            // the few that matter. Without a course chosen the page shows those most often answered wrong (where the
            // content may be unclear); a chosen course shows all of its questions, and the CSV always has every one.
            var note = t["Reports.Questions.Note"].Value;
            List<ReportFigures.QuestionRow>? mostMissed = null;
            if (forPage && scope.CourseId is null && rows.Count > QuestionsOnPage)
            {
                mostMissed = [.. MostMissed(rows, r => r, cells.Hidden, QuestionsOnPage)];
                note = t["Reports.Questions.Lowest", QuestionsOnPage, rows.Count].Value;
            }

            var chosen = mostMissed ?? rows;
            var lessonIds = chosen.Select(r => r.LessonId).Distinct().ToList();
            // Only the words needed (titles and questions): a lesson's texts also hold its whole HTML in every language.
            var lessons = (await db.Lessons.AsNoTracking().Where(l => lessonIds.Contains(l.Id))
                .Select(l => new
                {
                    l.Id, l.CourseId, l.Position, ModulePosition = l.Module!.Position, l.Course!.DefaultLanguage,
                    Texts = l.Texts.Select(x => new { x.Language, x.Title, x.Questions }).ToList(),
                })
                .ToListAsync(cancellationToken)).ToDictionary(l => l.Id);
            var described = chosen
                .Select(r =>
                {
                    var lesson = lessons[r.LessonId];
                    var text = ContentLanguage.Pick(lesson.Texts, x => x.Language, lesson.DefaultLanguage);
                    var question = text?.Questions.FirstOrDefault(q => q.Id == r.QuestionId);
                    return (Course: courseTitles.GetValueOrDefault(lesson.CourseId, ""), lesson.ModulePosition, LessonPosition: lesson.Position,
                        Quiz: text?.Title ?? "", Question: question is null ? r.QuestionId : PlainText(question.QuestionHtml), Row: r);
                })
                .ToList();
            if (mostMissed is null)
            {
                described = [.. described.OrderBy(x => x.Course, StringComparer.CurrentCulture).ThenBy(x => x.ModulePosition)
                    .ThenBy(x => x.LessonPosition).ThenBy(x => x.Row.Position)];
            }

            var body = described
                .Select(x => (IReadOnlyList<ReportCell>)
                [
                    cells.Text(x.Course), cells.Text(x.Quiz), cells.Text(x.Question), cells.Count(x.Row.People),
                    // Answers are not people, but a small group's answers would tell what those few people chose.
                    cells.Hidden(x.Row.People) ? cells.Count(x.Row.People) : cells.Number(x.Row.Answers),
                    cells.Hidden(x.Row.People) ? cells.Count(x.Row.People) : cells.Share(x.Row.Correct, x.Row.Answers),
                ])
                .ToList();
            return (new ReportTable(Tables.Questions, t["Reports.Questions.Title"], note,
                [t["Reports.Col.Course"], t["Reports.Col.Quiz"], t["Reports.Col.Question"], t["Reports.Col.People"], t["Reports.Col.Answers"],
                 t["Reports.Col.PassRate"]], body), mostMissed is null);
        }

        private async Task<(ReportTable Table, TrendChart Chart)> WeeksAsync(ReportScope scope, ReportCells cells, CancellationToken cancellationToken)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(scope.TimeZone);
            var toLocal = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(scope.ToUtc.AddTicks(-1), zone).DateTime);
            var lastWeek = Monday(toLocal);
            var firstWeek = scope.HasDateRange && scope.FromUtc > ReportScope.Beginning
                ? Monday(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(scope.FromUtc, zone).DateTime))
                : lastWeek.AddDays(-7 * (DefaultWeeks - 1));
            if (lastWeek.DayNumber - firstWeek.DayNumber > 7 * (MaxWeeks - 1))
            {
                firstWeek = lastWeek.AddDays(-7 * (MaxWeeks - 1));
            }

            var fromUtc = new[] { scope.FromUtc, LocalToUtc(firstWeek, zone) }.Max();
            var rows = (await figures.WeeksAsync(scope, fromUtc, cancellationToken)).ToDictionary(r => r.Week);
            var weeks = Enumerable.Range(0, ((lastWeek.DayNumber - firstWeek.DayNumber) / 7) + 1).Select(i => firstWeek.AddDays(7 * i)).ToList();
            var values = weeks.Select(w => rows.GetValueOrDefault(w) ?? new ReportFigures.WeekRow { Week = w }).ToList();

            var names = new[] { t["Reports.Col.Enrolled"].Value, t["Reports.Col.ActiveWeek"].Value, t["Reports.Col.Completed"].Value };
            var body = values.Select(v => (IReadOnlyList<ReportCell>)
            [
                cells.Text(v.Week.ToString("d", CultureInfo.CurrentCulture)) with { Csv = v.Week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                cells.Count(v.Enrolled), cells.Count(v.Active), cells.Count(v.Completed),
            ]).ToList();
            var table = new ReportTable(Tables.Weeks, t["Reports.Weeks.Title"], t["Reports.Weeks.Note"],
                [t["Reports.Col.Week"], .. names], body);

            int? Shown(int value) => cells.Hidden(value) ? null : value;
            var series = new[]
            {
                new TrendChart.Input(names[0], [.. values.Select(v => Shown(v.Enrolled))]),
                new TrendChart.Input(names[1], [.. values.Select(v => Shown(v.Active))]),
                new TrendChart.Input(names[2], [.. values.Select(v => Shown(v.Completed))]),
            };
            var description = t["Reports.Chart.Description", weeks[0].ToString("d", CultureInfo.CurrentCulture), weeks[^1].ToString("d", CultureInfo.CurrentCulture),
                Peak(names[0], values, v => v.Enrolled, cells), Peak(names[1], values, v => v.Active, cells), Peak(names[2], values, v => v.Completed, cells)];
            var chart = TrendChart.Build(t["Reports.Chart.Title"], description, weeks, series, CultureInfo.CurrentCulture.TextInfo.IsRightToLeft);
            return (table, chart);
        }

        private async Task<ReportTable> DepartmentsAsync(ReportScope scope, ReportCells cells, CancellationToken cancellationToken)
        {
            var municipalityId = scope.SingleMunicipality!.Value;
            var rows = (await figures.DepartmentsAsync(scope, cancellationToken)).ToDictionary(r => r.Department, StringComparer.Ordinal);
            var targets = await db.DepartmentTargets.AsNoTracking().Where(x => x.MunicipalityId == municipalityId)
                .Where(x => scope.Department == null || x.Department == scope.Department)
                .ToDictionaryAsync(x => x.Department, x => x.Headcount, StringComparer.Ordinal, cancellationToken);
            var body = rows.Keys.Union(targets.Keys, StringComparer.Ordinal)
                .OrderBy(d => d.Length == 0).ThenBy(d => d, StringComparer.CurrentCulture)
                .Select(d =>
                {
                    var row = rows.GetValueOrDefault(d) ?? new ReportFigures.DepartmentRow { Department = d };
                    var target = targets.TryGetValue(d, out var headcount) ? headcount : (int?)null;
                    return (IReadOnlyList<ReportCell>)
                    [
                        cells.Text(d.Length == 0 ? t["Reports.NoDepartment"] : d),
                        target is { } n ? cells.Number(n) : cells.Text(t["Reports.NoTarget"]),
                        cells.Count(row.Staff), cells.Count(row.Trained),
                        target is { } whole ? cells.Rate(row.Trained, whole) : cells.Text(t["Reports.NotApplicable"]) with { Csv = "" },
                    ];
                })
                .ToList();
            return new ReportTable(Tables.Departments, t["Reports.Departments.Title"], t["Reports.Departments.Note"],
                [t["Reports.Col.Department"], t["Reports.Col.Target"], t["Reports.Col.StaffWithAccount"], t["Reports.Col.Trained"], t["Reports.Col.Coverage"]],
                body);
        }

        private static string Peak(string name, IReadOnlyList<ReportFigures.WeekRow> values, Func<ReportFigures.WeekRow, int> value, ReportCells cells)
        {
            var best = values.MaxBy(value)!;
            return cells.Hidden(value(best))
                ? $"{name}: {cells.Count(0).Text}"
                : $"{name}: {value(best).ToString("N0", CultureInfo.CurrentCulture)} ({best.Week.ToString("d", CultureInfo.CurrentCulture)})";
        }

        private async Task<string> ScopeNameAsync(ReportScope scope, IReadOnlyDictionary<Guid, string> names, CancellationToken cancellationToken)
        {
            var cohort = scope.CohortId is { } id ? await db.Cohorts.Where(c => c.Id == id).Select(c => c.Title).SingleAsync(cancellationToken) : null;
            var name = scope.SingleMunicipality is { } one ? names.GetValueOrDefault(one, "") : t["Reports.Scope.Across", scope.MunicipalityIds.Count].Value;
            return cohort is null ? name : t["Reports.Scope.WithCohort", name, cohort];
        }

        /// <summary>
        /// The filter's lists. Courses and departments come with the cached figures; the municipalities and cohorts
        /// offered depend on the viewer, so they are read for each request (small, indexed queries).
        /// </summary>
        private async Task<Choices> ChoicesAsync(ClaimsPrincipal user, ReportFilter filter, ReportScope scope, ReportSnapshot snapshot,
            CancellationToken cancellationToken)
        {
            // Across municipalities a coordinator must pick one of their multi-city cohorts; otherwise "any" is offered.
            // One statement for the cohorts and for whether the viewer coordinates one across cities (the municipality
            // list offers that view then): every cohort they coordinate is among those listed for their municipality.
            var userId = user.UserId();
            var cohorts = await access.Cohorts(user, scope.MunicipalityIds).OrderByDescending(c => c.StartsOn).ThenBy(c => c.Title)
                .Select(c => new
                {
                    c.Id, c.Title,
                    CoordinatedAcross = c.Municipalities.Count > 1 && c.Staff.Any(s => s.UserId == userId && s.Role == CohortStaffRole.Coordinator),
                })
                .ToListAsync(cancellationToken);
            var cohortItems = cohorts.Select(c => new SelectListItem(c.Title, c.Id.ToString(), c.Id == filter.Cohort)).ToList();
            cohortItems.Insert(0, new SelectListItem(t["Reports.AnyCohort"], "", filter.Cohort is null));

            var municipalities = new List<SelectListItem>();
            if (user.IsInRole(Roles.Admin))
            {
                municipalities.Add(new SelectListItem(t["Reports.AllMunicipalities"], ReportFilter.AllMunicipalities, scope.AcrossMunicipalities));
                municipalities.AddRange((await db.Municipalities.OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken))
                    .Select(m => new SelectListItem(m.Name, m.Id.ToString(), scope.SingleMunicipality == m.Id)));
            }
            else
            {
                var own = user.MunicipalityId();
                var name = own is { } ownId && snapshot.MunicipalityNames.TryGetValue(ownId, out var known)
                    ? known
                    : await db.Municipalities.Where(m => m.Id == own).Select(m => m.Name).SingleAsync(cancellationToken);
                municipalities.Add(new SelectListItem(name, own.ToString(), !scope.AcrossMunicipalities));
                // Across municipalities the scope itself is such a cohort (ReportAccess allowed it).
                if (scope.AcrossMunicipalities || cohorts.Any(c => c.CoordinatedAcross))
                {
                    municipalities.Add(new SelectListItem(t["Reports.CohortMunicipalities"], ReportFilter.AllMunicipalities, scope.AcrossMunicipalities));
                }
            }

            var courseItems = new List<SelectListItem>(snapshot.Courses.Count + 1) { new(t["Reports.AnyCourse"], "", filter.Course is null) };
            courseItems.AddRange(snapshot.Courses.Select(x => new SelectListItem(x.Value, x.Key.ToString(), x.Key == filter.Course)));

            var departmentItems = new List<SelectListItem>(snapshot.Departments.Count + 1) { new(t["Reports.AnyDepartment"], "", scope.Department is null) };
            departmentItems.AddRange(snapshot.Departments.Select(d => new SelectListItem(d, d, d == scope.Department)));
            return new Choices(municipalities, courseItems, cohortItems, departmentItems);
        }

        /// <summary>Every course's title in the viewer's language (or the course's own), by id: sixty rows of titles only.</summary>
        private async Task<Dictionary<Guid, string>> CourseTitlesAsync(CancellationToken cancellationToken)
        {
            var courses = await db.Courses.AsNoTracking()
                .Select(c => new { c.Id, c.Slug, c.DefaultLanguage, Texts = c.Texts.Select(x => new { x.Language, x.Title }).ToList() })
                .ToListAsync(cancellationToken);
            return courses.ToDictionary(c => c.Id, c => ContentLanguage.Pick(c.Texts, x => x.Language, c.DefaultLanguage)?.Title ?? c.Slug);
        }

        private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

        private static DateTimeOffset LocalToUtc(DateOnly date, TimeZoneInfo zone)
        {
            var local = date.ToDateTime(TimeOnly.MinValue);
            while (zone.IsInvalidTime(local))
            {
                local = local.AddHours(1);
            }

            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }
    }

    /// <summary>
    /// The questions with the lowest share of right answers, lowest first. Those whose figures are suppressed (too few
    /// people) come last: their share is not shown, so ranking them by it would point at a hidden number.
    /// </summary>
    public static IEnumerable<T> MostMissed<T>(IEnumerable<T> items, Func<T, ReportFigures.QuestionRow> row, Func<int, bool> hidden, int count) =>
        items
            .OrderBy(x => hidden(row(x).People))
            .ThenBy(x => row(x).Answers == 0 ? 1.0 : (double)row(x).Correct / row(x).Answers)
            .ThenBy(x => row(x).LessonId)
            .ThenBy(x => row(x).Position)
            .Take(count);

    /// <summary>Quiz questions are stored as sanitised HTML; tables and CSV files want their words.</summary>
    public static string PlainText(string html) => WebUtility.HtmlDecode(Tag().Replace(html, " ")).Trim() is var text
        ? Whitespace().Replace(text, " ")
        : "";

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
