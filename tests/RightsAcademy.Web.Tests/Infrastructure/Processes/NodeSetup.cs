using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Certificates;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Infrastructure.Mail;
using RightsAcademy.Web.Testing;
using RightsAcademy.Web.Tests.Infrastructure.Mail;

namespace RightsAcademy.Web.Tests.Infrastructure.Processes;

/// <summary>
/// One database, one SMTP sink and one signing-key folder shared by app nodes started as processes, plus an
/// in-process host without a job server that only prepares data (the sample course, learners who completed it).
/// </summary>
internal sealed class NodeSetup : IAsyncDisposable
{
    public const string FromAddress = "academy@rightsacademy.test";

    private readonly string _keys = Directory.CreateTempSubdirectory("ra-node-keys-").FullName;
    private readonly string _course = Directory.CreateTempSubdirectory("ra-node-course-").FullName;
    private readonly List<AppProcess> _nodes = [];
    private RightsAcademyFactory? _factory;

    private NodeSetup(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public SmtpSink Sink { get; } = new(SmtpSink.FreePort());

    public JobTables Jobs => new(Database.ConnectionString);

    public RightsAcademyFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    public static async Task<NodeSetup> CreateAsync()
    {
        var setup = new NodeSetup(await TestDatabase.CreateAsync());
        await setup.Sink.StartAsync();
        setup._factory = new RightsAcademyFactory(setup.Database, settings: new Dictionary<string, string?>
        {
            ["BackgroundJobs:RunServer"] = "false",
            ["Certificates:KeyFolder"] = setup._keys,
        });
        return setup;
    }

    /// <summary>The settings of every node: this database, the sink, fast polling, a short invisibility timeout.</summary>
    public Dictionary<string, string> NodeSettings(int workers = 2, int smtpConnections = 4) => new()
    {
        ["ConnectionStrings:Default"] = Database.ConnectionString,
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Sink.Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:FromAddress"] = FromAddress,
        ["Smtp:Timeout"] = "00:00:10",
        ["Smtp:Connections"] = smtpConnections.ToString(CultureInfo.InvariantCulture),
        ["BackgroundJobs:QueuePollInterval"] = "00:00:00.200",
        ["BackgroundJobs:SchedulePollingInterval"] = "00:00:00.300",
        ["BackgroundJobs:WorkerCount"] = workers.ToString(CultureInfo.InvariantCulture),
        ["BackgroundJobs:InvisibilityTimeout"] = "00:00:05",
        ["BackgroundJobs:DistributedLockTimeout"] = "00:00:05",
        ["Certificates:KeyFolder"] = _keys,
    };

    /// <summary>A node, killed when the setup is disposed if the test has not done so.</summary>
    public async Task<AppProcess> StartNodeAsync(string name, int workers = 2, int smtpConnections = 4)
    {
        var node = AppProcess.StartSite(name, NodeSettings(workers, smtpConnections));
        _nodes.Add(node);
        await node.WaitUntilHealthyAsync();
        return node;
    }

    public string NodeOutput => string.Join('\n', _nodes.Select(n => n.Output));

    /// <summary>Learners who completed the sample course one minute apart, in order: the sweep issues in that order.</summary>
    public async Task<(Guid CourseId, IReadOnlyList<AppUser> Learners)> CompletedLearnersAsync(int count)
    {
        await SampleCourse.ImportAsync(Factory, SampleCourse.WriteTo(_course));
        var municipality = await Factory.CreateMunicipalityAsync();
        var learners = new List<AppUser>();
        for (var i = 0; i < count; i++)
        {
            learners.Add(await Factory.CreateUserAsync($"learner{i}@example.org", Roles.Learner, municipality.Id, displayName: $"Learner {i}"));
        }

        await using var db = Database.CreateDbContext();
        var courseId = await db.Courses.Where(c => c.Slug == SampleCourse.Slug).Select(c => c.Id).SingleAsync();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        db.Enrolments.AddRange(learners.Select((l, i) => new Enrolment
        {
            UserId = l.Id,
            CourseId = courseId,
            EnrolledUtc = start,
            CompletedUtc = start.AddMinutes(i + 1),
            LastActivityUtc = start.AddMinutes(i + 1),
        }));
        await db.SaveChangesAsync();
        return (courseId, learners);
    }

    /// <summary>
    /// Holds the issuing job's lock for one learner and course on a connection of its own, so a run stops there, in
    /// the middle of its batch, until the connection closes.
    /// </summary>
    public async Task<NpgsqlConnection> HoldIssuingLockAsync(Guid userId, Guid courseId)
    {
        var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@user, @course)", connection);
        command.Parameters.AddWithValue("user", IssueCertificate.LockKey(userId));
        command.Parameters.AddWithValue("course", IssueCertificate.LockKey(courseId));
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    public async Task<int> CertificatesAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Certificates.CountAsync();
    }

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Sink.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(_keys, recursive: true);
        Directory.Delete(_course, recursive: true);
    }
}
