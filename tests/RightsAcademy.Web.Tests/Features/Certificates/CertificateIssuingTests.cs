using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Certificates;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Certificates;

public sealed class CertificateIssuingTests(CertificateFixture app) : IClassFixture<CertificateFixture>
{
    [Fact]
    public async Task The_job_run_twice_at_once_issues_one_certificate_and_one_mail_with_the_pdf()
    {
        var (user, client) = await app.LearnerWhoCompletedAsync("twice@example.org", displayName: "Amina Twice");
        using var _ = client;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.IssueAsync(user.Id)));
        var again = await app.IssueAsync(user.Id);

        Assert.True(1 == outcomes.Count(o => o == IssueCertificate.Outcome.Issued), string.Join(", ", outcomes));
        Assert.All(outcomes.Where(o => o != IssueCertificate.Outcome.Issued), o => Assert.Equal(IssueCertificate.Outcome.AlreadyIssued, o));
        Assert.Equal(IssueCertificate.Outcome.AlreadyIssued, again);
        var certificate = Assert.Single(await app.CertificatesOfAsync(user.Id));
        Assert.Equal("Amina Twice", certificate.LearnerName);
        Assert.Equal(SampleCourse.Title, certificate.CourseTitle);
        Assert.Equal(app.Municipality.Name, certificate.MunicipalityName);
        Assert.True(VerificationCode.TryParse(certificate.Code, out var canonical) && canonical == certificate.Code);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(certificate.Pdf, 0, 5), StringComparison.Ordinal);

        var mail = Assert.Single(app.Factory.Mailer.Sent, m => m.IdempotencyKey == CertificateMails.Key(certificate.Id));
        Assert.Equal("twice@example.org", mail.ToAddress);
        var attachment = Assert.Single(mail.Attachments!);
        Assert.Equal("application/pdf", attachment.ContentType);
        Assert.Equal(certificate.Pdf, attachment.Content);
        Assert.Contains(certificate.VerificationUrl, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_issued_before_completion_and_the_sweep_issues_what_no_enqueue_asked_for()
    {
        var user = await app.Factory.CreateUserAsync("sweep@example.org", Roles.Learner, app.Municipality.Id, language: "fr");
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("sweep@example.org");
        await client.PostFormAsync($"/courses/{SampleCourse.Slug}", $"/courses/{SampleCourse.Slug}/enrol");
        Assert.Equal(IssueCertificate.Outcome.NotCompleted, await app.IssueAsync(user.Id));

        // Completed without the hook (as if the enqueue was lost): the recurring sweep still issues it.
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            await db.Enrolments.Where(e => e.UserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.CompletedUtc, DateTimeOffset.UtcNow));
        }

        await app.RunAsync(s => s.GetRequiredService<IssuePendingCertificates>().RunAsync(CancellationToken.None));
        await app.RunAsync(s => s.GetRequiredService<IssuePendingCertificates>().RunAsync(CancellationToken.None));

        var certificate = Assert.Single(await app.CertificatesOfAsync(user.Id));
        // The title in the learner's language, labels too.
        Assert.Equal(SampleCourse.FrenchTitle, certificate.CourseTitle);
        Assert.Equal("fr", certificate.LabelsLanguage);
    }

    [Fact]
    public async Task A_corrected_name_revokes_the_certificate_and_issues_one_that_refers_to_it_once()
    {
        var (user, client) = await app.LearnerWhoCompletedAsync("rename@example.org", displayName: "Jo Rename");
        using var _ = client;
        await app.IssueAsync(user.Id);
        var original = Assert.Single(await app.CertificatesOfAsync(user.Id));

        var saved = await client.PostFormAsync("/account/profile", "/account/profile",
            ("Form.DisplayName", "Jo Rename"), ("Form.CertificateName", "Joséphine Rename-Müller"), ("Form.Language", "en"), ("Form.TimeZone", "Europe/Paris"));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            Assert.Equal("Joséphine Rename-Müller", (await db.Users.SingleAsync(u => u.Id == user.Id)).CertificateName);
        }

        await Task.WhenAll(
            app.RunAsync(s => s.GetRequiredService<ReplaceCertificate>().RunForUserAsync(user.Id, CancellationToken.None)),
            app.RunAsync(s => s.GetRequiredService<ReplaceCertificate>().RunForUserAsync(user.Id, CancellationToken.None)));
        await app.RunAsync(s => s.GetRequiredService<IssuePendingCertificates>().RunAsync(CancellationToken.None));

        var all = await app.CertificatesOfAsync(user.Id);
        Assert.Equal(2, all.Count);
        var old = all.Single(c => c.Id == original.Id);
        var replacement = all.Single(c => c.Id != original.Id);
        Assert.NotNull(old.RevokedUtc);
        Assert.Equal(ReplaceCertificate.NameCorrected, old.RevocationReason);
        Assert.Equal("Jo Rename", old.LearnerName);
        Assert.Equal(original.Pdf, old.Pdf);
        Assert.Equal(original.Id, replacement.ReplacesId);
        Assert.Equal("Joséphine Rename-Müller", replacement.LearnerName);
        Assert.Null(replacement.RevokedUtc);
        Assert.Equal(original.CompletionDate, replacement.CompletionDate);
        Assert.Single(app.Factory.Mailer.Sent, m => m.IdempotencyKey == CertificateMails.Key(replacement.Id));

        var page = await client.GetPageAsync("/certificates");
        Assert.Contains(replacement.Code, page, StringComparison.Ordinal);
        Assert.Contains("Replaced on", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Later_course_changes_and_account_deletion_leave_the_certificate_and_its_verification()
    {
        var (user, client) = await app.LearnerWhoCompletedAsync("leaver@example.org", displayName: "Lee Leaver");
        using var _ = client;
        await app.IssueAsync(user.Id);
        var issued = Assert.Single(await app.CertificatesOfAsync(user.Id));

        var courseId = await app.CourseIdAsync();
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            await db.CourseTexts.Where(t => t.CourseId == courseId && t.Language == "en").ExecuteUpdateAsync(s => s.SetProperty(t => t.Title, "Renamed later"));
        }

        await app.RunAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            return await users.DeleteAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        });

        await using (var db = app.Factory.Database.CreateDbContext())
        {
            var kept = await db.Certificates.AsNoTracking().SingleAsync(c => c.Id == issued.Id);
            Assert.Null(kept.UserId);
            Assert.Equal(SampleCourse.Title, kept.CourseTitle);
            Assert.Equal(issued.Pdf, kept.Pdf);
            Assert.Equal(issued.Credential, kept.Credential);
            await db.CourseTexts.Where(t => t.CourseId == courseId && t.Language == "en").ExecuteUpdateAsync(s => s.SetProperty(t => t.Title, SampleCourse.Title));
        }

        using var anonymous = app.Factory.CreateFormClient();
        var verification = await anonymous.GetPageAsync($"/verify/{issued.Code}");
        Assert.Contains("This certificate is valid.", verification, StringComparison.Ordinal);
        Assert.Contains("Lee Leaver", verification, StringComparison.Ordinal);
        Assert.Contains(SampleCourse.Title, verification, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_cohort_run_the_course_completes_only_with_the_minimum_attended_sessions()
    {
        var (user, client) = await app.LearnerWhoCompletedAsync("cohort-rule@example.org");
        using var _ = client;
        var courseId = await app.CourseIdAsync();
        await using var db = app.Factory.Database.CreateDbContext();
        var minSessions = await db.Courses.Where(c => c.Id == courseId).Select(c => c.MinSessions).SingleAsync();
        await db.Enrolments.Where(e => e.UserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.CompletedUtc, (DateTimeOffset?)null));
        await db.Courses.Where(c => c.Id == courseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.MinSessions, 2));
        try
        {
            Assert.False(await app.RunAsync(s => s.GetRequiredService<RightsAcademy.Web.Features.Courses.CourseCompletion>().EvaluateAsync(user.Id, courseId, 1, CancellationToken.None)));
            Assert.Null(await db.Enrolments.Where(e => e.UserId == user.Id).Select(e => e.CompletedUtc).SingleAsync());
            Assert.True(await app.RunAsync(s => s.GetRequiredService<RightsAcademy.Web.Features.Courses.CourseCompletion>().EvaluateAsync(user.Id, courseId, 2, CancellationToken.None)));
            Assert.NotNull(await db.Enrolments.Where(e => e.UserId == user.Id).Select(e => e.CompletedUtc).SingleAsync());
        }
        finally
        {
            await db.Courses.Where(c => c.Id == courseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.MinSessions, minSessions));
        }
    }
}
