using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Certificates;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.BrowserTests.Features;

/// <summary>"My certificates" and the public verification page, clicked through and checked with axe, left to right and right to left.</summary>
public sealed class CertificatesBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("en", "My certificates", "This certificate is valid.", "This code looks mistyped.")]
    [InlineData("ar", "شهاداتي", "هذه الشهادة صالحة.", "يبدو أن هذا الرمز كُتب بشكل خاطئ.")]
    public async Task A_learner_finds_the_certificate_and_anyone_verifies_it(string language, string heading, string valid, string mistyped)
    {
        var email = $"certified-{language}@example.org";
        var user = await app.Factory.CreateUserAsync(email, Roles.Learner, app.Municipality.Id, language: language, displayName: $"Certified {language}");
        var code = await CompleteAndIssueAsync(user.Id);

        var page = await app.SignedInPageAsync(email, language);
        await page.Locator("nav a[href='/certificates']").ClickAsync();
        await page.WaitForURLAsync("**/certificates");
        Assert.Equal(heading, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal(code, (await page.Locator("main code").First.InnerTextAsync()).Trim());
        await Axe.AssertNoViolationsAsync(page);

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[href$='/pdf']").First.ClickAsync());
        Assert.EndsWith(".pdf", pdf.SuggestedFilename, StringComparison.Ordinal);

        // The verification page, as someone the learner shared the link with sees it.
        var visitor = await app.NewPageAsync(language);
        await visitor.GotoAsync($"/verify/{code}");
        Assert.Equal(valid, (await visitor.Locator("#verification-result").InnerTextAsync()).Trim());
        Assert.Equal(language, await visitor.Locator("html").GetAttributeAsync("lang"));
        await Axe.AssertNoViolationsAsync(visitor);

        // Typing the code with a typo, through the form.
        await visitor.GotoAsync("/verify");
        await Axe.AssertNoViolationsAsync(visitor);
        var typo = code[..^1] + (code[^1] == '0' ? '1' : '0');
        await visitor.Locator("#code").FillAsync(typo);
        await visitor.Locator("form[action='/verify'] button[type=submit]").ClickAsync();
        await visitor.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal(mistyped, (await visitor.Locator("#verification-result").InnerTextAsync()).Trim());
        await Axe.AssertNoViolationsAsync(visitor);
    }

    private async Task<string> CompleteAndIssueAsync(Guid userId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RightsAcademy.Web.Infrastructure.Data.AppDbContext>();
        var courseId = await db.Courses.Where(c => c.Slug == SampleCourse.Slug).Select(c => c.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        db.Enrolments.Add(new Enrolment { UserId = userId, CourseId = courseId, EnrolledUtc = now, CompletedUtc = now, LastActivityUtc = now });
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<IssueCertificate>().RunAsync(userId, courseId, CancellationToken.None);
        return await db.Certificates.Where(c => c.UserId == userId).Select(c => c.Code).SingleAsync();
    }
}
