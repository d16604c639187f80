using System.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Notifications;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Tests.Infrastructure.Mail;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Notifications;

/// <summary>
/// The site with its real outbox, an SMTP sink on 127.0.0.1, the sample course, and a clock the test sets: jobs
/// are run by the tests at chosen instants, exactly as Hangfire would run them.
/// </summary>
public sealed class NotificationFixture : MailFixture
{
    private string? _root;

    /// <summary>Starts near the real time (cookies and data-protection keys stay valid); tests move it forward.</summary>
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureSiteServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _root = SampleCourse.WriteTo(Directory.CreateTempSubdirectory("ra-course-").FullName);
        await SampleCourse.ImportAsync(Factory, _root);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_root is not null)
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>A Monday at least a week ahead, so cohort dates and clock moves stay in the future.</summary>
    public static DateOnly NextMonday(int weeksAhead = 2)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7 * weeksAhead);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The instant a local wall-clock time happens in a zone.</summary>
    public static DateTimeOffset At(DateOnly day, int hour, int minute, string zone)
    {
        var info = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var local = day.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, info), TimeSpan.Zero);
    }

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> job)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await job(scope.ServiceProvider);
    }

    public Task<int> RunJobAsync<TJob>(Func<TJob, Task<int>> run) where TJob : notnull =>
        RunAsync(services => run(services.GetRequiredService<TJob>()));

    /// <summary>Takes a place through the site (so the welcome mail goes to the outbox), at the clock's time.</summary>
    public async Task<CohortSeats.Outcome> AddMemberAsync(Guid cohortId, Guid userId) =>
        await RunAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var outcome = await services.GetRequiredService<CohortSeats>().AddAsync(cohortId, userId, CancellationToken.None);
            await transaction.CommitAsync();
            return outcome;
        });

    public async Task<(Cohort Cohort, Guid FirstModule)> CohortAsync(string title, DateOnly startsOn, string timeZone, int? dueDay = 6, int? releaseDay = 0)
    {
        var coordinator = await Factory.CreateUserAsync($"coord-{Guid.NewGuid():N}@example.org", Roles.Coordinator, Municipality.Id);
        var cohort = await Factory.CreateCohortAsync(coordinator.Id, [Municipality.Id], title: title, startsOn: startsOn, timeZone: timeZone);
        await using var db = Factory.Database.CreateDbContext();
        var module = await db.Modules.Where(m => m.CourseId == cohort.CourseId).OrderBy(m => m.Position).Select(m => m.Id).FirstAsync();
        if (releaseDay is { } release)
        {
            db.CohortPacing.Add(new CohortPace { CohortId = cohort.Id, ModuleId = module, ReleaseOffsetDays = release, DueOffsetDays = dueDay });
            await db.SaveChangesAsync();
        }

        return (cohort, module);
    }

    public async Task SetPreferencesAsync(Guid userId, MailCategory stopped, DigestMode digest)
    {
        await using var db = Factory.Database.CreateDbContext();
        await db.MailPreferences.Where(p => p.UserId == userId).ExecuteDeleteAsync();
        db.MailPreferences.Add(new MailPreferences { UserId = userId, Stopped = stopped, Digest = digest, UpdatedUtc = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    public async Task<MailPreferences?> PreferencesAsync(Guid userId)
    {
        await using var db = Factory.Database.CreateDbContext();
        return await db.MailPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId);
    }

    public async Task<List<RightsAcademy.Web.Infrastructure.Mail.OutboxMessage>> MailsWithKeyPrefixAsync(string prefix)
    {
        await using var db = Factory.Database.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith(prefix)).OrderBy(m => m.CreatedUtc).ToListAsync();
    }

    public async Task<List<DigestItem>> DigestItemsAsync(Guid userId)
    {
        await using var db = Factory.Database.CreateDbContext();
        return await db.DigestItems.AsNoTracking().Where(i => i.UserId == userId).ToListAsync();
    }

    /// <summary>The path of the one-click address in a received mail's List-Unsubscribe header.</summary>
    public static string UnsubscribePath(ReceivedMail mail)
    {
        var header = mail.Message.Headers["List-Unsubscribe"] ?? throw new InvalidOperationException("No List-Unsubscribe header.");
        return new Uri(header.Trim().TrimStart('<').TrimEnd('>')).AbsolutePath;
    }

    public static string Decode(string? html) => HttpUtility.HtmlDecode(html ?? "");
}
