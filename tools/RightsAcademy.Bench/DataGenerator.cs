using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RightsAcademy.Content;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Features.Municipalities;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Bench;

/// <summary>
/// The benchmark's data set, written with COPY on top of courses already imported by the real importer:
/// municipalities, users (one precomputed password hash for all), enrolments with lesson progress in course order
/// and quiz attempts, cohorts with their municipalities, staff and members, and peer-exchange sessions with answers
/// and attendance. At scale 1: 200 municipalities, 20,000 users, 500 cohorts, 2,000 sessions, 1,000,000 lesson
/// completions (at small scales, fewer when the users run out first).
/// </summary>
internal sealed class DataGenerator(string connectionString, double scale, string password, int seed = 7)
{
    public const string LearnerEmail = "bench.learner@bench.example";
    public const string CoordinatorEmail = "bench.coordinator@bench.example";

    private static readonly (string Country, string TimeZone, string Language, string Place)[] Places =
    [
        ("FR", "Europe/Paris", "fr", "Ville"), ("ES", "Europe/Madrid", "es", "Ayuntamiento"), ("KR", "Asia/Seoul", "en", "City"),
        ("AT", "Europe/Vienna", "en", "Stadt"), ("UY", "America/Montevideo", "es", "Intendencia"), ("MX", "America/Mexico_City", "es", "Alcaldía"),
        ("SN", "Africa/Dakar", "fr", "Commune"), ("MA", "Africa/Casablanca", "ar", "Commune"), ("JO", "Asia/Amman", "ar", "Municipality"),
        ("CA", "America/Montreal", "fr", "Ville"), ("KE", "Africa/Nairobi", "en", "County"), ("AR", "America/Argentina/Buenos_Aires", "es", "Municipio"),
    ];

    private static readonly string[] GivenNames =
        ["Amina", "Ji-woo", "Lucía", "Karim", "Sofia", "Mamadou", "Yasmin", "Hyun-woo", "Camille", "Diego", "Fatima", "Olga", "Léa", "Omar", "María", "민준", "ليلى", "José"];

    private static readonly string[] FamilyNames =
        ["Diallo", "Park", "Fernández", "Ben Salah", "Novak", "Kim", "Haddad", "Moreau", "García", "Ndiaye", "Schmidt", "O'Brien", "이", "الخطيب", "Dupont", "Silva"];

    private static readonly string[] Departments =
        ["Housing", "Social services", "Culture", "Transport", "Water and sanitation", "Human resources", "Urban planning", "Education", "Health"];

    private static readonly string[] Languages = ["en", "fr", "es", "ar"];

    public sealed record Summary(int Municipalities, int Users, int Enrolments, int Completions, int QuizAttempts, int Cohorts, int CohortMembers,
        int Sessions, string LessonPath);

    private sealed record LessonRow(Guid Id, Guid CourseId, string Course, string Module, string Slug, LessonKind Kind, int Version);

    private int Scaled(int full, int minimum) => Math.Max(minimum, (int)Math.Round(full * scale));

    public async Task<Summary> RunAsync(TextWriter log, CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        var words = new Words(new Random(seed));
        var now = DateTimeOffset.UtcNow;
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DataServiceCollectionExtensions.UsePostgres(options, connectionString);
        await using var db = new AppDbContext(options.Options);
        var lessons = await LoadLessonsAsync(db, cancellationToken);
        var courses = lessons.GroupBy(l => l.CourseId).Select(g => g.ToList()).ToList();
        if (courses.Count == 0)
        {
            throw new InvalidOperationException("No courses in the database: import the generated content first.");
        }

        var municipalityCount = Scaled(200, 1);
        var userCount = Math.Max(Scaled(20_000, 1), municipalityCount * 3 + 60);
        var completionTarget = Scaled(1_000_000, 1);
        var cohortCount = Scaled(500, 1);
        var sessionCount = Scaled(2_000, 1);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var copy = new BulkCopy(connection, db.Model);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // Municipalities
        var municipalities = Enumerable.Range(0, municipalityCount).Select(i =>
        {
            var place = Places[i % Places.Length];
            return new Municipality
            {
                Name = $"{place.Place} {i + 1:000} ({place.Country})",
                Country = place.Country,
                TimeZone = place.TimeZone,
                DefaultLanguage = place.Language,
                CreatedUtc = now.AddDays(-400),
            };
        }).ToList();
        await copy.WriteAsync(municipalities, cancellationToken);

        // Users: user i belongs to municipality i % M; users M..2M-1 coordinate their municipality, the next 50 train,
        // one administers, everyone else learns. User 0 and user M are the benchmark's learner and coordinator.
        var hash = new PasswordHasher<AppUser>().HashPassword(null!, password);
        var users = new List<AppUser>(userCount);
        for (var i = 0; i < userCount; i++)
        {
            var municipality = municipalities[i % municipalityCount];
            var email = i == 0 ? LearnerEmail : i == municipalityCount ? CoordinatorEmail : $"user{i:00000}@m{i % municipalityCount:000}.bench.example";
            users.Add(new AppUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                DisplayName = $"{GivenNames[random.Next(GivenNames.Length)]} {FamilyNames[random.Next(FamilyNames.Length)]}",
                MunicipalityId = municipality.Id,
                Department = Departments[random.Next(Departments.Length)],
                PreferredLanguage = i <= municipalityCount ? "en" : (random.Next(2) == 0 ? municipality.DefaultLanguage : Languages[random.Next(Languages.Length)]),
                TimeZone = municipality.TimeZone,
                CreatedUtc = now.AddDays(-random.Next(30, 365)),
            });
        }

        await copy.WriteAsync(users, cancellationToken);
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        string RoleOf(int i) => i < municipalityCount ? Roles.Learner
            : i < 2 * municipalityCount ? Roles.Coordinator
            : i < 2 * municipalityCount + 50 ? Roles.Trainer
            : i == 2 * municipalityCount + 50 ? Roles.Admin
            : Roles.Learner;
        await copy.WriteAsync(users.Select((u, i) => new IdentityUserRole<Guid> { UserId = u.Id, RoleId = roles[RoleOf(i)] }), cancellationToken);
        await log.WriteLineAsync($"  {municipalities.Count} municipalities, {users.Count} users ({watch.Elapsed.TotalSeconds:0.0} s)");

        // Enrolments and progress: each learner takes 1 to 6 courses and has done a prefix of each (never all of it, so
        // nothing waits for a certificate: the certificate measurement completes its own enrolments).
        var enrolments = new List<Enrolment>();
        var completions = new List<LessonCompletion>(completionTarget);
        var attempts = new List<QuizAttempt>();
        void Enrol(AppUser user, List<LessonRow> course, int done)
        {
            done = Math.Min(done, Math.Min(course.Count - 1, completionTarget - completions.Count));
            var enrolled = now.AddDays(-random.Next(10, 300));
            var step = TimeSpan.FromHours(random.Next(2, 48));
            for (var l = 0; l < done; l++)
            {
                var at = enrolled + step * (l + 1);
                completions.Add(new LessonCompletion { UserId = user.Id, LessonId = course[l].Id, CompletedUtc = at });
                if (course[l].Kind == LessonKind.Quiz)
                {
                    var correct = 3 + random.Next(2);
                    attempts.Add(new QuizAttempt
                    {
                        UserId = user.Id, LessonId = course[l].Id, LessonVersion = course[l].Version, SubmittedUtc = at, Correct = correct, Total = 4,
                        ScorePercent = correct * 25, Passed = correct * 25 >= 70,
                        Answers = new() { ["question-1"] = ["b"], ["question-2"] = ["a", "c"], ["question-3"] = [correct == 4 ? "b" : "a"], ["question-4"] = ["a", "c"] },
                    });
                }
            }

            enrolments.Add(new Enrolment
            {
                UserId = user.Id, CourseId = course[0].CourseId, EnrolledUtc = enrolled,
                LastLessonId = course[Math.Min(done, course.Count - 1)].Id,
                LastActivityUtc = done == 0 ? enrolled : enrolled + step * done,
            });
        }

        // The benchmark's learner: five courses at different stages.
        int[] learnerProgress = [8, 20, 5, 29, 0];
        for (var c = 0; c < Math.Min(learnerProgress.Length, courses.Count); c++)
        {
            Enrol(users[0], courses[c], learnerProgress[c]);
        }

        for (var i = 1; i < users.Count && completions.Count < completionTarget; i++)
        {
            var taken = random.Next(1, Math.Min(6, courses.Count) + 1);
            var first = random.Next(courses.Count);
            for (var k = 0; k < taken; k++)
            {
                Enrol(users[i], courses[(first + k * 7) % courses.Count], random.Next(0, courses[0].Count));
            }
        }

        await copy.WriteAsync(enrolments, cancellationToken);
        await copy.WriteAsync(completions, cancellationToken);
        await copy.WriteAsync(attempts, cancellationToken);
        await log.WriteLineAsync($"  {enrolments.Count} enrolments, {completions.Count} lesson completions, {attempts.Count} quiz attempts ({watch.Elapsed.TotalSeconds:0.0} s)");

        // Cohorts: a course, one to three municipalities, a coordinator and a facilitator, thirty members.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // Members are learners of the cohort's municipalities (not its coordinators, trainers or administrator).
        var learnersOf = Enumerable.Range(0, municipalityCount)
            .Select(m => Enumerable.Range(0, users.Count).Where(i => i % municipalityCount == m && i > 0 && RoleOf(i) == Roles.Learner).ToList())
            .ToList();
        var cohorts = new List<Cohort>();
        var cohortMunicipalities = new List<CohortMunicipality>();
        var staff = new List<CohortStaff>();
        var members = new List<CohortMember>();
        var learnerCohorts = 0;
        for (var i = 0; i < cohortCount; i++)
        {
            var taking = Enumerable.Range(0, 1 + i % 3).Select(k => (i + k * 17) % municipalityCount).Distinct().ToList();
            var starts = today.AddDays(i % 120 - 60);
            var mode = (CohortEnrolmentMode)(i % 3);
            var cohort = new Cohort
            {
                CourseId = courses[i % courses.Count][0].CourseId,
                Title = $"Cohort {i + 1:000}: {municipalities[taking[0]].Name}",
                EnrolmentOpensOn = starts.AddDays(-14),
                StartsOn = starts,
                EndsOn = starts.AddDays(56),
                TimeZone = municipalities[taking[0]].TimeZone,
                Capacity = 40,
                Mode = mode,
                JoinCode = mode == CohortEnrolmentMode.JoinCode ? $"B{i:000000}" : null,
                Stage = today < starts.AddDays(-14) ? CohortStage.Planned : today < starts ? CohortStage.EnrolmentOpen
                    : today <= starts.AddDays(56) ? CohortStage.Running : CohortStage.Closed,
                CreatedUtc = now.AddDays(-90),
                CreatedById = users[municipalityCount + taking[0]].Id,
            };
            cohorts.Add(cohort);
            cohortMunicipalities.AddRange(taking.Select(m => new CohortMunicipality { CohortId = cohort.Id, MunicipalityId = municipalities[m].Id }));
            staff.Add(new CohortStaff { CohortId = cohort.Id, UserId = users[municipalityCount + taking[0]].Id, Role = CohortStaffRole.Coordinator });
            staff.Add(new CohortStaff { CohortId = cohort.Id, UserId = users[2 * municipalityCount + i % 50].Id, Role = CohortStaffRole.Facilitator });
            var chosen = new HashSet<int>();
            // The benchmark's learner is in two cohorts of their municipality.
            if (taking[0] == 0 && learnerCohorts < 2)
            {
                chosen.Add(0);
                learnerCohorts++;
            }

            for (var k = 0; chosen.Count < 30 && k < 30 * taking.Count; k++)
            {
                var learners = learnersOf[taking[k % taking.Count]];
                if (learners.Count > 0)
                {
                    chosen.Add(learners[(i * 13 + k / taking.Count) % learners.Count]);
                }
            }

            members.AddRange(chosen.Select(index => new CohortMember
            {
                CohortId = cohort.Id, UserId = users[index].Id, Status = CohortMemberStatus.Active,
                RequestedUtc = now.AddDays(-80), JoinedUtc = now.AddDays(-80),
            }));
        }

        await copy.WriteAsync(cohorts, cancellationToken);
        await copy.WriteAsync(cohortMunicipalities, cancellationToken);
        await copy.WriteAsync(staff, cancellationToken);
        await copy.WriteAsync(members, cancellationToken);
        await log.WriteLineAsync($"  {cohorts.Count} cohorts, {members.Count} members ({watch.Elapsed.TotalSeconds:0.0} s)");

        // Peer-exchange sessions: most for one cohort (a few open to all staff), spread over four months around today,
        // with pre-work, a facilitator, a presenting municipality, answers from two thirds of the members and, for
        // past sessions, attendance.
        var membersOf = members.GroupBy(m => m.CohortId).ToDictionary(g => g.Key, g => g.Select(m => m.UserId).ToList());
        var sessions = new List<ExchangeSession>();
        var sessionCohorts = new List<ExchangeSessionCohort>();
        var facilitators = new List<ExchangeSessionFacilitator>();
        var presenting = new List<ExchangeSessionMunicipality>();
        var preWork = new List<ExchangeSessionLesson>();
        var rsvps = new List<SessionRsvp>();
        var attendance = new List<SessionAttendance>();
        for (var i = 0; i < sessionCount; i++)
        {
            var cohort = cohorts[i % cohorts.Count];
            var start = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(i % 120 - 60).AddHours(8 + i % 9);
            var agenda = $"{words.Sentence()}\n\n- {words.Sentence()}\n- {words.Sentence()}\n- {words.Sentence()}";
            var session = new ExchangeSession
            {
                Title = $"Peer exchange {i + 1:0000}: {words.Title(3)}",
                AgendaMarkdown = agenda,
                AgendaHtml = $"<p>{System.Net.WebUtility.HtmlEncode(words.Sentence())}</p><ul><li>{System.Net.WebUtility.HtmlEncode(words.Sentence())}</li></ul>",
                OpenToAllStaff = i % 10 == 0,
                StartUtc = start,
                HostTimeZone = cohort.TimeZone,
                Duration = TimeSpan.FromMinutes(90),
                MeetingUrl = $"https://meet.example.org/exchange-{i + 1:0000}",
                Capacity = 40,
                CreatedUtc = now.AddDays(-90),
                CreatedById = cohort.CreatedById,
                UpdatedUtc = now.AddDays(-90),
            };
            sessions.Add(session);
            sessionCohorts.Add(new ExchangeSessionCohort { SessionId = session.Id, CohortId = cohort.Id });
            facilitators.Add(new ExchangeSessionFacilitator { SessionId = session.Id, UserId = users[2 * municipalityCount + i % 50].Id });
            presenting.Add(new ExchangeSessionMunicipality { SessionId = session.Id, MunicipalityId = cohortMunicipalities.First(m => m.CohortId == cohort.Id).MunicipalityId });
            var course = courses.First(c => c[0].CourseId == cohort.CourseId);
            preWork.AddRange(Enumerable.Range(0, Math.Min(2, course.Count)).Select(p => new ExchangeSessionLesson { SessionId = session.Id, LessonId = course[(i + p) % course.Count].Id, Position = p }));
            var answering = membersOf.TryGetValue(cohort.Id, out var ids) ? ids.Take(ids.Count * 2 / 3) : [];
            foreach (var (userId, k) in answering.Select((u, k) => (u, k)))
            {
                var answer = (k % 4) switch { 0 or 1 => RsvpAnswer.Yes, 2 => RsvpAnswer.Maybe, _ => RsvpAnswer.No };
                rsvps.Add(new SessionRsvp { SessionId = session.Id, UserId = userId, Answer = answer, AnsweredUtc = start.AddDays(-10), UpdatedUtc = start.AddDays(-10) });
                if (start < now && answer != RsvpAnswer.No)
                {
                    attendance.Add(new SessionAttendance { SessionId = session.Id, UserId = userId, Attended = k % 5 != 0, RecordedById = session.CreatedById, RecordedUtc = start.AddHours(3) });
                }
            }
        }

        await copy.WriteAsync(sessions, cancellationToken);
        await copy.WriteAsync(sessionCohorts, cancellationToken);
        await copy.WriteAsync(facilitators, cancellationToken);
        await copy.WriteAsync(presenting, cancellationToken);
        await copy.WriteAsync(preWork, cancellationToken);
        await copy.WriteAsync(rsvps, cancellationToken);
        await copy.WriteAsync(attendance, cancellationToken);
        await log.WriteLineAsync($"  {sessions.Count} sessions, {rsvps.Count} answers, {attendance.Count} attendance records ({watch.Elapsed.TotalSeconds:0.0} s)");

        // Fresh statistics and visibility maps, as autovacuum would have them on a site that grew to this size. With
        // ANALYZE alone, autovacuum started on the bulk-loaded tables while the pages were being measured.
        await using (var analyze = new NpgsqlCommand("VACUUM (ANALYZE)", connection))
        {
            analyze.CommandTimeout = 600;
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        await log.WriteLineAsync($"  analysed ({watch.Elapsed.TotalSeconds:0.0} s)");
        var read = courses[0][Math.Min(8, courses[0].Count - 1)];
        if (read.Kind == LessonKind.Quiz)
        {
            read = courses[0][0];
        }

        return new Summary(municipalities.Count, users.Count, enrolments.Count, completions.Count, attempts.Count, cohorts.Count, members.Count,
            sessions.Count, $"/courses/{read.Course}/{read.Module}/{read.Slug}");
    }

    private static async Task<List<LessonRow>> LoadLessonsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (await db.Lessons.AsNoTracking()
            .Where(l => l.ArchivedUtc == null && l.Course!.ArchivedUtc == null)
            .Select(l => new { l.Id, l.CourseId, Course = l.Course!.Slug, Module = l.Module!.Slug, ModulePosition = l.Module.Position, l.Slug, l.Position, l.Kind, l.Version })
            .ToListAsync(cancellationToken))
        .OrderBy(l => l.Course, StringComparer.Ordinal).ThenBy(l => l.ModulePosition).ThenBy(l => l.Position)
        .Select(l => new LessonRow(l.Id, l.CourseId, l.Course, l.Module, l.Slug, l.Kind, l.Version))
        .ToList();
}
