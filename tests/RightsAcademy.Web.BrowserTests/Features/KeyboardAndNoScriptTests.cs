using Microsoft.Playwright;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.BrowserTests.Features;

public sealed class KeyboardAndNoScriptTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_learner_path_can_be_completed_with_the_keyboard_alone()
    {
        await app.Factory.CreateUserAsync("keys@example.org", Roles.Learner, app.Municipality.Id);
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        await Keyboard.TabToAsync(page, "E-mail address");
        await page.Keyboard.TypeAsync("keys@example.org");
        await Keyboard.TabToAsync(page, "Password");
        await page.Keyboard.TypeAsync(RightsAcademyFactory.Password);
        await Keyboard.PressEnterAndWaitAsync(page);
        Assert.EndsWith("/dashboard", page.Url, StringComparison.Ordinal);

        await page.GotoAsync($"/courses/{SampleCourse.Slug}");
        await Keyboard.TabToAsync(page, "Enrol in this course");
        await Keyboard.PressEnterAndWaitAsync(page);
        await Keyboard.TabToAsync(page, "Welcome");
        await Keyboard.PressEnterAndWaitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome", Level = 1 })).ToBeVisibleAsync();

        await Keyboard.TabToAsync(page, "Mark as complete");
        await Keyboard.PressEnterAndWaitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Only in English", Level = 1 })).ToBeVisibleAsync();

        await page.GotoAsync(SampleCourse.Quiz);
        await Keyboard.TabToAsync(page, "Police");
        await page.Keyboard.PressAsync("ArrowDown"); // moves to and selects "Participation"
        await Keyboard.TabToAsync(page, "A council declaration");
        await page.Keyboard.PressAsync("Space");
        await Keyboard.TabToAsync(page, "A human rights office");
        await page.Keyboard.PressAsync("Space");
        await Keyboard.TabToAsync(page, "Check my answers");
        await Keyboard.PressEnterAndWaitAsync(page);
        await Assertions.Expect(page.GetByText("2 of 2 questions right (100 %)")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Signing_in_reading_completing_and_quizzes_work_with_javascript_turned_off()
    {
        await app.Factory.CreateUserAsync("noscript@example.org", Roles.Learner, app.Municipality.Id);
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail address").FillAsync("noscript@example.org");
        await page.GetByLabel("Password").FillAsync(RightsAcademyFactory.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard");

        await page.GotoAsync($"/courses/{SampleCourse.Slug}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enrol in this course" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Welcome", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Hello and welcome.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as complete" }).ClickAsync();
        await page.WaitForURLAsync("**" + SampleCourse.SecondLesson);

        await page.GotoAsync(SampleCourse.Quiz);
        await page.GetByLabel("Police").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check my answers" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Not passed yet")).ToBeVisibleAsync();

        // The language switcher is a plain form too.
        await page.GetByLabel("Language").SelectOptionAsync("fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change" }).ClickAsync();
        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
        await context.CloseAsync();
    }
}
