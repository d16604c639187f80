using Microsoft.Playwright;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.BrowserTests.Features;

/// <summary>The heart of the product, clicked through as a learner would: enrol, read, complete, pass the quiz.</summary>
public sealed class LearnerPathTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_learner_enrols_reads_a_lesson_completes_it_passes_the_quiz_and_sees_the_progress()
    {
        var page = await app.SignedInPageAsync(BrowserFixture.LearnerEmail);

        await page.GetByRole(AriaRole.Link, new() { Name = "Courses", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = SampleCourse.Title }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enrol in this course" }).ClickAsync();
        await Assertions.Expect(page.GetByText("0 of 3 required lessons completed")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Welcome", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "A single pixel" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as complete" }).ClickAsync();

        // Completing moves on to the next lesson.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Only in English", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as complete" }).ClickAsync();

        await page.GotoAsync(SampleCourse.Quiz);
        await page.GetByLabel("Participation").CheckAsync();
        await page.GetByLabel("A council declaration").CheckAsync();
        await page.GetByLabel("A human rights office").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my answers" }).ClickAsync();
        await Assertions.Expect(page.GetByText("2 of 2 questions right (100 %)")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/dashboard");
        await Assertions.Expect(page.GetByText("3 of 3 required lessons completed")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Course completed on")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(BrowserFixture.AdminEmail, "en", "ltr")]
    [InlineData(BrowserFixture.ArabicAdminEmail, "ar", "rtl")]
    public async Task Every_page_an_admin_reaches_has_no_accessibility_violations(string email, string language, string direction)
    {
        var page = await app.SignedInPageAsync(email, language);
        Assert.Equal(direction, await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
        string[] urls =
        [
            "/courses", $"/courses/{SampleCourse.Slug}", SampleCourse.FirstLesson, SampleCourse.SecondLesson, SampleCourse.Quiz,
            "/dashboard", "/account/profile", "/account/password", "/admin/users", "/admin/users/invite", "/admin/municipalities",
            "/admin/municipalities/new",
        ];
        foreach (var url in urls)
        {
            await page.GotoAsync(url);
            await Axe.AssertNoViolationsAsync(page);
        }
    }
}
