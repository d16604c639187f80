using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Certificates;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Certificates;

/// <summary>The sample course, with the issuer's signing key in a throwaway folder and no job server (tests run jobs themselves).</summary>
public class CertificateFixture : CourseFixture
{
    private readonly string _keys = Directory.CreateTempSubdirectory("ra-keys-").FullName;

    protected virtual int VerificationsPerMinute => 1000;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Certificates:KeyFolder"] = _keys,
        ["Certificates:VerificationsPerMinute"] = VerificationsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Jobs run when a test says so, so a test sees exactly the runs it made.
        ["BackgroundJobs:RunServer"] = "false",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_keys, recursive: true);
    }

    /// <summary>Signs in a new learner, enrols and completes every required part of the sample course.</summary>
    public async Task<(AppUser User, FormClient Client)> LearnerWhoCompletedAsync(string email, string language = "en", string? displayName = null)
    {
        var user = await Factory.CreateUserAsync(email, Roles.Learner, Municipality.Id, language, displayName: displayName);
        var client = Factory.CreateFormClient();
        await client.SignInAsync(email);
        var steps = new List<string>
        {
            await StepAsync(client.PostFormAsync($"/courses/{SampleCourse.Slug}", $"/courses/{SampleCourse.Slug}/enrol")),
            await StepAsync(client.PostFormAsync(SampleCourse.FirstLesson, SampleCourse.FirstLesson + "/complete")),
            await StepAsync(client.PostFormAsync(SampleCourse.SecondLesson, SampleCourse.SecondLesson + "/complete")),
            await StepAsync(client.PostFormAsync(SampleCourse.Quiz, SampleCourse.Quiz + "/quiz", ("q.panel", "b"), ("q.first-steps", "a"), ("q.first-steps", "c"))),
        };
        await using var db = Factory.Database.CreateDbContext();
        if (!await db.Enrolments.AnyAsync(e => e.UserId == user.Id && e.CompletedUtc != null))
        {
            throw new InvalidOperationException($"The sample course did not complete: {string.Join(" | ", steps)}");
        }

        return (user, client);
    }

    private static async Task<string> StepAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var body = (int)response.StatusCode >= 500 ? await response.Content.ReadAsStringAsync() : "";
        return $"{(int)response.StatusCode} {response.Headers.Location} {body[..Math.Min(body.Length, 3000)]}";
    }

    public async Task<IssueCertificate.Outcome> IssueAsync(Guid userId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IssueCertificate>().RunAsync(userId, await CourseIdAsync(), CancellationToken.None);
    }

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> job)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await job(scope.ServiceProvider);
    }

    public async Task<Guid> CourseIdAsync()
    {
        await using var db = Factory.Database.CreateDbContext();
        return await db.Courses.Where(c => c.Slug == SampleCourse.Slug).Select(c => c.Id).SingleAsync();
    }

    public async Task<List<Certificate>> CertificatesOfAsync(Guid userId)
    {
        await using var db = Factory.Database.CreateDbContext();
        return await db.Certificates.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.IssuedUtc).ToListAsync();
    }
}
