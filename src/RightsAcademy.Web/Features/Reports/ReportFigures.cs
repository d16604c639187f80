using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Reports;

/// <summary>
/// The report's numbers, each table one SQL statement that aggregates in the database (GROUP BY, percentile_cont):
/// nothing is loaded per person. Every statement starts from the same set of people (<see cref="People"/>), so the
/// scope decided by <see cref="ReportAccess"/> is applied in exactly one place.
/// </summary>
public sealed class ReportFigures(AppDbContext db, TimeProvider clock)
{
    public const int ActiveDays = 30;

    // The people a report is about: the staff of the scope's municipalities, narrowed to a department and to the
    // active members of a cohort. Deleted accounts stay as anonymous rows so their history still counts.
    // NOT MATERIALIZED: inlined where it is used, the planner keeps the users' statistics (a materialised CTE has
    // none, and its guesses of millions of rows switched on JIT compilation costing more than the query).
    private const string People = """
        people AS NOT MATERIALIZED (
            SELECT u."Id", u."MunicipalityId", u."FirstInvitedUtc", u."DeletedUtc", u."Department"
            FROM "AspNetUsers" u
            WHERE u."MunicipalityId" = ANY(@municipalities)
              AND (@department IS NULL OR u."Department" = @department)
              AND (@cohort IS NULL OR EXISTS (
                    SELECT 1 FROM "CohortMembers" cm
                    WHERE cm."CohortId" = @cohort AND cm."UserId" = u."Id" AND cm."Status" = 'Active'))
        )
        """;

    public sealed record MunicipalityRow
    {
        public Guid MunicipalityId { get; init; }

        public int Staff { get; init; }

        public int Invited { get; init; }

        public int Enrolled { get; init; }

        public int Active { get; init; }

        public int Completed { get; init; }

        public int Certificates { get; init; }
    }

    /// <summary>Staff invited, enrolled, active in the last 30 days, completed and certificates issued, per municipality.</summary>
    public Task<List<MunicipalityRow>> MunicipalitiesAsync(ReportScope scope, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<MunicipalityRow>($"""
            WITH {People},
            progress AS (
                SELECT e."UserId",
                       bool_or(e."EnrolledUtc" >= @from AND e."EnrolledUtc" < @to) AS enrolled,
                       bool_or(e."LastActivityUtc" >= @active) AS active,
                       bool_or(e."CompletedUtc" >= @from AND e."CompletedUtc" < @to) AS completed
                FROM "Enrolments" e JOIN people p ON p."Id" = e."UserId"
                WHERE (@course IS NULL OR e."CourseId" = @course)
                GROUP BY e."UserId"
            ),
            issued AS (
                SELECT c."UserId", count(*) AS n
                FROM "Certificates" c JOIN people p ON p."Id" = c."UserId"
                WHERE c."ReplacesId" IS NULL AND c."IssuedUtc" >= @from AND c."IssuedUtc" < @to
                  AND (@course IS NULL OR c."CourseId" = @course)
                GROUP BY c."UserId"
            )
            SELECT p."MunicipalityId" AS "MunicipalityId",
                   count(*) FILTER (WHERE p."DeletedUtc" IS NULL)::int AS "Staff",
                   count(*) FILTER (WHERE p."FirstInvitedUtc" >= @from AND p."FirstInvitedUtc" < @to)::int AS "Invited",
                   count(*) FILTER (WHERE pr.enrolled)::int AS "Enrolled",
                   count(*) FILTER (WHERE pr.active)::int AS "Active",
                   count(*) FILTER (WHERE pr.completed)::int AS "Completed",
                   coalesce(sum(i.n), 0)::int AS "Certificates"
            FROM people p
            LEFT JOIN progress pr ON pr."UserId" = p."Id"
            LEFT JOIN issued i ON i."UserId" = p."Id"
            GROUP BY p."MunicipalityId"
            """, Parameters(scope)).ToListAsync(cancellationToken);

    public sealed record CourseRow
    {
        public Guid CourseId { get; init; }

        public int Enrolled { get; init; }

        public int Completed { get; init; }

        public double? MedianDays { get; init; }
    }

    /// <summary>
    /// Per course, the enrolments made in the period: how many, how many of them are completed, and the median
    /// days from enrolling to completing among the completed ones.
    /// </summary>
    public Task<List<CourseRow>> CoursesAsync(ReportScope scope, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<CourseRow>($"""
            WITH {People}
            SELECT e."CourseId" AS "CourseId",
                   count(*)::int AS "Enrolled",
                   count(e."CompletedUtc")::int AS "Completed",
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e."CompletedUtc" - e."EnrolledUtc") / 86400.0) AS "MedianDays"
            FROM "Enrolments" e JOIN people p ON p."Id" = e."UserId"
            WHERE e."EnrolledUtc" >= @from AND e."EnrolledUtc" < @to AND (@course IS NULL OR e."CourseId" = @course)
            GROUP BY e."CourseId"
            """, Parameters(scope)).ToListAsync(cancellationToken);

    public sealed record QuestionRow
    {
        public Guid LessonId { get; init; }

        public string QuestionId { get; init; } = "";

        public int Position { get; init; }

        public int People { get; init; }

        public int Answers { get; init; }

        public int Correct { get; init; }
    }

    /// <summary>
    /// Per quiz question, over the attempts submitted in the period: how many people answered, how many answers
    /// there were and how many were right (the chosen options equal the key, as sets). The key is read from the
    /// course's own language, where every question is defined.
    /// </summary>
    public Task<List<QuestionRow>> QuestionsAsync(ReportScope scope, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<QuestionRow>($"""
            WITH {People},
            attempts AS (
                SELECT a."LessonId", a."UserId", a."Answers"
                FROM "QuizAttempts" a
                JOIN people p ON p."Id" = a."UserId"
                JOIN "Lessons" l ON l."Id" = a."LessonId"
                WHERE a."SubmittedUtc" >= @from AND a."SubmittedUtc" < @to AND (@course IS NULL OR l."CourseId" = @course)
            ),
            keys AS (
                SELECT lt."LessonId", q.question ->> 'id' AS question_id, q.position::int AS position, q.question -> 'answer' AS answer
                FROM "LessonTexts" lt
                JOIN "Lessons" l ON l."Id" = lt."LessonId"
                JOIN "Courses" c ON c."Id" = l."CourseId" AND c."DefaultLanguage" = lt."Language"
                CROSS JOIN LATERAL jsonb_array_elements(lt."Questions") WITH ORDINALITY AS q(question, position)
                WHERE lt."LessonId" IN (SELECT DISTINCT "LessonId" FROM attempts)
            )
            SELECT k."LessonId" AS "LessonId", k.question_id AS "QuestionId", min(k.position) AS "Position",
                   count(DISTINCT a."UserId")::int AS "People",
                   count(*)::int AS "Answers",
                   -- Right when the chosen options and the key contain each other: equal as sets, whatever the order.
                   count(*) FILTER (WHERE (a."Answers" -> k.question_id) @> k.answer AND k.answer @> (a."Answers" -> k.question_id))::int AS "Correct"
            FROM attempts a JOIN keys k ON k."LessonId" = a."LessonId"
            GROUP BY k."LessonId", k.question_id
            """, Parameters(scope)).ToListAsync(cancellationToken);

    public sealed record WeekRow
    {
        public DateOnly Week { get; init; }

        public int Enrolled { get; init; }

        public int Active { get; init; }

        public int Completed { get; init; }
    }

    /// <summary>
    /// Per week (Monday, in the viewer's time zone): people who enrolled, people who completed a lesson (active)
    /// and people who completed a course.
    /// </summary>
    public Task<List<WeekRow>> WeeksAsync(ReportScope scope, DateTimeOffset fromUtc, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<WeekRow>($"""
            WITH {People},
            events AS (
                SELECT 'e' AS kind, e."UserId", e."EnrolledUtc" AS at
                FROM "Enrolments" e JOIN people p ON p."Id" = e."UserId"
                WHERE e."EnrolledUtc" >= @from AND e."EnrolledUtc" < @to AND (@course IS NULL OR e."CourseId" = @course)
                UNION ALL
                SELECT 'c', e."UserId", e."CompletedUtc"
                FROM "Enrolments" e JOIN people p ON p."Id" = e."UserId"
                WHERE e."CompletedUtc" >= @from AND e."CompletedUtc" < @to AND (@course IS NULL OR e."CourseId" = @course)
                UNION ALL
                SELECT 'a', lc."UserId", lc."CompletedUtc"
                FROM "LessonCompletions" lc JOIN people p ON p."Id" = lc."UserId"
                WHERE lc."CompletedUtc" >= @from AND lc."CompletedUtc" < @to
                  AND (@course IS NULL OR EXISTS (SELECT 1 FROM "Lessons" l WHERE l."Id" = lc."LessonId" AND l."CourseId" = @course))
            )
            SELECT date_trunc('week', at AT TIME ZONE @zone)::date AS "Week",
                   count(DISTINCT "UserId") FILTER (WHERE kind = 'e')::int AS "Enrolled",
                   count(DISTINCT "UserId") FILTER (WHERE kind = 'a')::int AS "Active",
                   count(DISTINCT "UserId") FILTER (WHERE kind = 'c')::int AS "Completed"
            FROM events
            GROUP BY 1
            ORDER BY 1
            """, Parameters(scope, fromUtc)).ToListAsync(cancellationToken);

    public sealed record DepartmentRow
    {
        public string Department { get; init; } = "";

        public int Staff { get; init; }

        public int Trained { get; init; }
    }

    /// <summary>
    /// Per department of one municipality: current staff with an account and how many of them completed a course
    /// (the chosen one, or any). Coverage is about who is trained now, so the period does not apply.
    /// </summary>
    public Task<List<DepartmentRow>> DepartmentsAsync(ReportScope scope, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<DepartmentRow>($"""
            WITH {People}
            SELECT coalesce(p."Department", '') AS "Department",
                   count(*)::int AS "Staff",
                   count(*) FILTER (WHERE EXISTS (
                       SELECT 1 FROM "Enrolments" e
                       WHERE e."UserId" = p."Id" AND e."CompletedUtc" IS NOT NULL AND (@course IS NULL OR e."CourseId" = @course)))::int AS "Trained"
            FROM people p
            WHERE p."DeletedUtc" IS NULL
            GROUP BY 1
            """, Parameters(scope)).ToListAsync(cancellationToken);

    public sealed record SessionRow
    {
        public Guid MunicipalityId { get; init; }

        public int Sessions { get; init; }

        public int People { get; init; }

        public int Attendees { get; init; }

        public int Records { get; init; }

        public int Attended { get; init; }

        public int Practices { get; init; }
    }

    /// <summary>
    /// Per municipality, the peer-exchange sessions held in the period (not cancelled, already started) that its
    /// people answered or were recorded for; the people recorded and those who attended (attendance is recorded for
    /// everyone expected, present or not); and the practices it published in the period (for a cohort: those
    /// presented at the cohort's sessions).
    /// </summary>
    public Task<List<SessionRow>> SessionsAsync(ReportScope scope, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<SessionRow>($"""
            WITH {People},
            held AS (
                SELECT s."Id" FROM "ExchangeSessions" s
                WHERE s."CancelledUtc" IS NULL AND s."StartUtc" >= @from AND s."StartUtc" < @to AND s."StartUtc" <= @now
            ),
            recorded AS (
                SELECT p."MunicipalityId", a."SessionId", a."UserId", a."Attended"
                FROM "SessionAttendances" a JOIN held h ON h."Id" = a."SessionId" JOIN people p ON p."Id" = a."UserId"
            ),
            answered AS (
                SELECT p."MunicipalityId", r."SessionId"
                FROM "SessionRsvps" r JOIN held h ON h."Id" = r."SessionId" JOIN people p ON p."Id" = r."UserId"
            ),
            sessions AS (
                SELECT x."MunicipalityId", count(DISTINCT x."SessionId") AS n
                FROM (SELECT "MunicipalityId", "SessionId" FROM recorded UNION ALL SELECT "MunicipalityId", "SessionId" FROM answered) x
                GROUP BY x."MunicipalityId"
            ),
            attendance AS (
                SELECT "MunicipalityId",
                       count(DISTINCT "UserId") AS people,
                       count(DISTINCT "UserId") FILTER (WHERE "Attended") AS attendees,
                       count(*) AS records,
                       count(*) FILTER (WHERE "Attended") AS attended
                FROM recorded GROUP BY "MunicipalityId"
            ),
            practices AS (
                SELECT pr."MunicipalityId", count(*) AS n
                FROM "Practices" pr
                WHERE pr."MunicipalityId" = ANY(@municipalities) AND pr."PublishedUtc" >= @from AND pr."PublishedUtc" < @to
                  AND (@cohort IS NULL OR EXISTS (
                        SELECT 1 FROM "ExchangeSessionCohorts" sc WHERE sc."SessionId" = pr."SessionId" AND sc."CohortId" = @cohort))
                GROUP BY pr."MunicipalityId"
            )
            SELECT m."Id" AS "MunicipalityId",
                   coalesce(s.n, 0)::int AS "Sessions",
                   coalesce(a.people, 0)::int AS "People",
                   coalesce(a.attendees, 0)::int AS "Attendees",
                   coalesce(a.records, 0)::int AS "Records",
                   coalesce(a.attended, 0)::int AS "Attended",
                   coalesce(pr.n, 0)::int AS "Practices"
            FROM "Municipalities" m
            LEFT JOIN sessions s ON s."MunicipalityId" = m."Id"
            LEFT JOIN attendance a ON a."MunicipalityId" = m."Id"
            LEFT JOIN practices pr ON pr."MunicipalityId" = m."Id"
            WHERE m."Id" = ANY(@municipalities)
            """, Parameters(scope)).ToListAsync(cancellationToken);

    private NpgsqlParameter[] Parameters(ReportScope scope, DateTimeOffset? fromUtc = null) =>
    [
        new("municipalities", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = scope.MunicipalityIds.ToArray() },
        new("department", NpgsqlDbType.Text) { Value = (object?)scope.Department ?? DBNull.Value },
        new("cohort", NpgsqlDbType.Uuid) { Value = (object?)scope.CohortId ?? DBNull.Value },
        new("course", NpgsqlDbType.Uuid) { Value = (object?)scope.CourseId ?? DBNull.Value },
        new("from", NpgsqlDbType.TimestampTz) { Value = fromUtc ?? scope.FromUtc },
        new("to", NpgsqlDbType.TimestampTz) { Value = scope.ToUtc },
        new("active", NpgsqlDbType.TimestampTz) { Value = clock.GetUtcNow().AddDays(-ActiveDays) },
        new("now", NpgsqlDbType.TimestampTz) { Value = clock.GetUtcNow() },
        new("zone", NpgsqlDbType.Text) { Value = scope.TimeZone },
    ];
}
