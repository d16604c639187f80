using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Certificates;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Features.Municipalities;
using RightsAcademy.Web.Features.Practices;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Reports;

/// <summary>One learner of the hand-built data set; every expected figure is computed from these.</summary>
internal sealed record Person(
    string Municipality,
    string? Department,
    TimeSpan? InvitedAgo,
    TimeSpan? EnrolledAgo,
    TimeSpan? CompletedAfter,
    TimeSpan? LastActiveAgo,
    string[]? PanelAnswer,
    string[]? FirstStepsAnswer,
    bool InCohort)
{
    public Guid Id { get; } = Guid.CreateVersion7();

    public bool Completed => EnrolledAgo is not null && CompletedAfter is not null;
}

/// <summary>A peer-exchange session of the data set: who was recorded (and whether they came) and who only answered.</summary>
internal sealed record HeldSession(double DaysAgo, bool Cancelled, IReadOnlyDictionary<Guid, bool> Attendance, IReadOnlyList<Guid> Answered)
{
    public Guid Id { get; } = Guid.CreateVersion7();
}

internal sealed record SharedPractice(string Municipality, double DaysAgo);

/// <summary>
/// Two municipalities with learners written straight to the database: Reportville (twelve learners, three
/// departments, one of them named like a spreadsheet formula) and Smallville (three learners, so every figure of it
/// is a small group). A cohort spans both. Staff accounts that sign in live elsewhere (Testville), except the two
/// coordinators, who belong to their municipality and so count as its staff.
/// </summary>
public sealed class ReportFixture : CourseFixture
{
    public const string Big = "Reportville";
    public const string Small = "Smallville";
    public const string FormulaDepartment = "=HYPERLINK(\"http://evil.example\",\"x\")";
    public const string CohortTitle = "Two-city cohort";
    public const string Password = RightsAcademyFactory.Password;

    internal DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    internal List<Person> People { get; } = [];

    internal List<HeldSession> Sessions { get; } = [];

    internal List<SharedPractice> Practices { get; } = [];

    public Municipality BigCity { get; private set; } = null!;

    public Municipality SmallCity { get; private set; } = null!;

    public AppUser BigCoordinator { get; private set; } = null!;

    public AppUser SmallCoordinator { get; private set; } = null!;

    public Cohort Cohort { get; private set; } = null!;

    public Guid CourseId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        BigCity = await Factory.CreateMunicipalityAsync(Big);
        SmallCity = await Factory.CreateMunicipalityAsync(Small);
        BigCoordinator = await Factory.CreateUserAsync("coord-big@example.org", Roles.Coordinator, BigCity.Id);
        SmallCoordinator = await Factory.CreateUserAsync("coord-small@example.org", Roles.Coordinator, SmallCity.Id);
        await Factory.CreateUserAsync("reports-admin@example.org", Roles.Admin, Municipality.Id);
        await Factory.CreateUserAsync("reports-learner@example.org", Roles.Learner, Municipality.Id);
        Cohort = await Factory.CreateCohortAsync(BigCoordinator.Id, [BigCity.Id, SmallCity.Id], title: CohortTitle);

        static TimeSpan D(double days) => TimeSpan.FromDays(days);
        for (var i = 0; i < 12; i++)
        {
            People.Add(new Person(
                Big,
                i < 7 ? "Housing" : i < 11 ? "Parks" : FormulaDepartment,
                InvitedAgo: i % 3 != 0 ? D(20 + i) : null,
                EnrolledAgo: i < 10 ? D(40 - i) : null,
                CompletedAfter: i < 6 ? D(2 + (2 * i)) : null,
                LastActiveAgo: i < 10 ? (i < 8 ? D(i + 0.5) : D(45)) : null,
                PanelAnswer: i < 9 ? (i % 2 == 0 ? ["b"] : ["a"]) : null,
                FirstStepsAnswer: i < 9 ? (i < 6 ? ["c", "a"] : ["a"]) : null,
                InCohort: i < 7));
        }

        for (var i = 0; i < 3; i++)
        {
            People.Add(new Person(Small, "Housing", D(10), D(15 + i), i == 0 ? D(3) : null, D(1), ["b"], ["a", "c"], InCohort: true));
        }

        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var course = await db.Courses.SingleAsync(c => c.Slug == SampleCourse.Slug);
        CourseId = course.Id;
        var quiz = await db.Lessons.SingleAsync(l => l.CourseId == course.Id && l.Slug == "check");
        var firstLesson = await db.Lessons.SingleAsync(l => l.CourseId == course.Id && l.Slug == "welcome");
        var cities = new Dictionary<string, Municipality> { [Big] = BigCity, [Small] = SmallCity };
        var n = 0;
        foreach (var p in People)
        {
            n++;
            var name = $"Learner {n}";
            db.Users.Add(new AppUser
            {
                Id = p.Id,
                UserName = $"learner{n}@report.example.org",
                NormalizedUserName = $"LEARNER{n}@REPORT.EXAMPLE.ORG",
                Email = $"learner{n}@report.example.org",
                NormalizedEmail = $"LEARNER{n}@REPORT.EXAMPLE.ORG",
                SecurityStamp = Guid.NewGuid().ToString(),
                DisplayName = name,
                MunicipalityId = cities[p.Municipality].Id,
                Department = p.Department,
                PreferredLanguage = "en",
                TimeZone = "Europe/Paris",
                CreatedUtc = Now - D(60),
                FirstInvitedUtc = Now - p.InvitedAgo,
            });
            if (p.EnrolledAgo is { } enrolledAgo)
            {
                var enrolled = Now - enrolledAgo;
                var completed = enrolled + p.CompletedAfter;
                db.Enrolments.Add(new Enrolment
                {
                    UserId = p.Id, CourseId = course.Id, EnrolledUtc = enrolled, CompletedUtc = completed,
                    LastActivityUtc = Now - p.LastActiveAgo!.Value,
                });
                db.LessonCompletions.Add(new LessonCompletion { UserId = p.Id, LessonId = firstLesson.Id, CompletedUtc = enrolled.AddHours(1) });
                if (completed is { } done)
                {
                    var code = VerificationCode.New();
                    db.Certificates.Add(new Certificate
                    {
                        Code = code, UserId = p.Id, CourseId = course.Id, CourseSlug = course.Slug, RunKey = Certificate.SelfPacedRun,
                        LearnerName = name, CourseTitle = SampleCourse.Title, CourseLanguage = "en", LabelsLanguage = "en",
                        MunicipalityName = p.Municipality, CompletionDate = DateOnly.FromDateTime(done.UtcDateTime), Hours = 1,
                        IssuingOrganisation = "RightsAcademy", VerificationUrl = $"https://academy.example.org/verify/{code}", IssuedUtc = done.AddMinutes(5),
                        Pdf = [1, 2, 3], Credential = "x.y.z",
                    });
                }
            }

            if (p.PanelAnswer is not null)
            {
                db.QuizAttempts.Add(new QuizAttempt
                {
                    UserId = p.Id, LessonId = quiz.Id, LessonVersion = 1, SubmittedUtc = Now - D(10), Total = 2,
                    Answers = new() { ["panel"] = [.. p.PanelAnswer], ["first-steps"] = [.. p.FirstStepsAnswer!] },
                });
            }

            if (p.InCohort)
            {
                db.CohortMembers.Add(new CohortMember { CohortId = Cohort.Id, UserId = p.Id, Status = CohortMemberStatus.Active, RequestedUtc = Now, JoinedUtc = Now });
            }
        }

        await db.SaveChangesAsync();
        await AddSessionsAsync(db);
    }

    private async Task AddSessionsAsync(AppDbContext db)
    {
        var big = People.Where(p => p.Municipality == Big).ToList();
        var small = People.Where(p => p.Municipality == Small).ToList();
        Sessions.Add(new HeldSession(5, false, big.Take(7).Select((p, i) => (p.Id, i < 5)).ToDictionary(), []));
        Sessions.Add(new HeldSession(3, false,
            big.Take(6).Select((p, i) => (p.Id, i % 2 == 0)).Concat(small.Select((p, i) => (p.Id, i < 2))).ToDictionary(), [big[9].Id]));
        Sessions.Add(new HeldSession(2, true, new Dictionary<Guid, bool>(), [big[0].Id, big[10].Id]));
        Sessions.Add(new HeldSession(-5, false, new Dictionary<Guid, bool>(), [big[1].Id]));
        Practices.AddRange([new SharedPractice(Big, 4), new SharedPractice(Big, 1), new SharedPractice(Small, 2)]);

        foreach (var held in Sessions)
        {
            db.ExchangeSessions.Add(new ExchangeSession
            {
                Id = held.Id, Title = $"Session {held.DaysAgo}", AgendaMarkdown = "Agenda", AgendaHtml = "<p>Agenda</p>", HostTimeZone = "Europe/Paris",
                StartUtc = Now - TimeSpan.FromDays(held.DaysAgo), Duration = TimeSpan.FromHours(1), Capacity = 50,
                CancelledUtc = held.Cancelled ? Now - TimeSpan.FromDays(held.DaysAgo + 1) : null,
                CreatedUtc = Now - TimeSpan.FromDays(30), UpdatedUtc = Now - TimeSpan.FromDays(30), CreatedById = BigCoordinator.Id,
            });
            foreach (var (userId, attended) in held.Attendance)
            {
                db.SessionRsvps.Add(new SessionRsvp { SessionId = held.Id, UserId = userId, Answer = RsvpAnswer.Yes, AnsweredUtc = Now - TimeSpan.FromDays(20), UpdatedUtc = Now });
                db.SessionAttendances.Add(new SessionAttendance
                {
                    SessionId = held.Id, UserId = userId, Attended = attended, RecordedById = BigCoordinator.Id, RecordedUtc = Now - TimeSpan.FromDays(held.DaysAgo),
                });
            }

            foreach (var userId in held.Answered)
            {
                db.SessionRsvps.Add(new SessionRsvp { SessionId = held.Id, UserId = userId, Answer = RsvpAnswer.Maybe, AnsweredUtc = Now - TimeSpan.FromDays(20), UpdatedUtc = Now });
            }
        }

        var cities = new Dictionary<string, Municipality> { [Big] = BigCity, [Small] = SmallCity };
        foreach (var practice in Practices)
        {
            var city = cities[practice.Municipality];
            db.Practices.Add(new Practice
            {
                MunicipalityId = city.Id, Title = $"Practice of {city.Name}", City = city.Name, Country = city.Country, Theme = "housing",
                SummaryMarkdown = "s", SummaryHtml = "<p>s</p>", WhatWorkedMarkdown = "w", WhatWorkedHtml = "<p>w</p>", Contact = "office",
                PublishedById = BigCoordinator.Id, PublishedUtc = Now - TimeSpan.FromDays(practice.DaysAgo),
            });
        }

        await db.SaveChangesAsync();
    }
}
