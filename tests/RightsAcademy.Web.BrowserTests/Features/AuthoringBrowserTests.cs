using Microsoft.Playwright;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.BrowserTests.Features;

/// <summary>A trainer writes a lesson in the browser, previews it, publishes it, and a learner reads it.</summary>
public sealed class AuthoringBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static async Task CreateCourseWithLessonAsync(IPage page, string slug, string lessonTitle)
    {
        await page.GotoAsync("/author");
        var create = page.Locator("form[action='/author/courses']");
        await create.GetByLabel("Title").FillAsync("Water in the city");
        await create.GetByLabel("Short name").FillAsync(slug);
        await create.GetByLabel("Summary").FillAsync("What the right to water asks of a city.");
        await create.GetByRole(AriaRole.Button, new() { Name = "Create the course" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Water in the city", Level = 1 })).ToBeVisibleAsync();

        var module = page.Locator("form[action$='/modules']");
        await module.GetByLabel("Title").FillAsync("Basics");
        await module.GetByLabel("Short name").FillAsync("basics");
        await module.GetByRole(AriaRole.Button, new() { Name = "Add a module" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the course" }).ClickAsync();

        var lesson = page.Locator("form[action$='/lessons']");
        await lesson.GetByLabel("Title").FillAsync(lessonTitle);
        await lesson.GetByLabel("Short name").FillAsync("clean-water");
        await lesson.GetByRole(AriaRole.Button, new() { Name = "Add a lesson" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Edit: {lessonTitle}", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_trainer_creates_previews_and_publishes_a_lesson_and_a_learner_reads_it()
    {
        await app.Factory.CreateUserAsync("browser-author@example.org", Roles.Trainer, app.Municipality.Id);
        var page = await app.SignedInPageAsync("browser-author@example.org");
        await page.GetByRole(AriaRole.Link, new() { Name = "Authoring", Exact = true }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page);

        await CreateCourseWithLessonAsync(page, "water-in-the-city", "Clean water at home");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Text (Markdown)").FillAsync("Water must be **safe** and affordable.\n\n:::note\nAsk the utility for its tariffs.\n:::\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        var preview = page.GetByRole(AriaRole.Region, new() { Name = "Preview" });
        await Assertions.Expect(preview.Locator("strong", new() { HasText = "safe" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Text (Markdown)")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("affordable"));
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved as a draft.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the course" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Published. Learners now see this version.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        var learner = await app.SignedInPageAsync(BrowserFixture.LearnerEmail);
        await learner.GotoAsync("/courses/water-in-the-city");
        await learner.GetByRole(AriaRole.Button, new() { Name = "Enrol in this course" }).ClickAsync();
        await learner.GetByRole(AriaRole.Link, new() { Name = "Clean water at home", Exact = true }).ClickAsync();
        await Assertions.Expect(learner.GetByRole(AriaRole.Heading, new() { Name = "Clean water at home", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(learner.Locator("strong", new() { HasText = "safe" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(learner);
    }

    [Fact]
    public async Task Preview_works_without_javascript()
    {
        await app.Factory.CreateUserAsync("noscript-author@example.org", Roles.Trainer, app.Municipality.Id);
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync("noscript-author@example.org");
        await page.GetByLabel("Password").FillAsync(RightsAcademyFactory.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await CreateCourseWithLessonAsync(page, "water-without-script", "Water without script");
        await page.GetByLabel("Text (Markdown)").FillAsync("A list:\n\n- *one*\n- two\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

        var preview = page.GetByRole(AriaRole.Region, new() { Name = "Preview" });
        await Assertions.Expect(preview.Locator("li em", new() { HasText = "one" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Text (Markdown)")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("- two"));
    }
}
