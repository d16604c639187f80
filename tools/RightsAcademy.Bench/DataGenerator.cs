using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RightsAcademy.Content;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Features.Municipalities;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Bench;

/// <summary>
/// The benchmark's data set, written with COPY on top of courses already imported by the real importer:
/// municipalities, users (one precomputed password hash for all), enrolments with lesson progress in course order
/// and quiz attempts, and cohorts with their municipalities, staff and members. At scale 1: 200 municipalities,
/// 20,000 users, 500 cohorts, 1,000,000 lesson completions (at small scales, fewer when the users run out first).
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
        var perMunicipality = userCount / municipalityCount;
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
                var municipality = taking[k % taking.Count];
                // Learners only: indexes past the coordinators, trainers and administrator of the municipality.
                var offset = 3 + (i * 13 + k / taking.Count) % Math.Max(1, perMunicipality - 3);
                var index = municipality + municipalityCount * offset;
                if (index < users.Count && index > 2 * municipalityCount + 50)
                {
                    chosen.Add(index);
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

        // Fresh statistics, as autovacuum would have them on a site that grew to this size.
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection))
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
            0, $"/courses/{read.Course}/{read.Module}/{read.Slug}");
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
