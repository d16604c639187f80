using Microsoft.Playwright;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.BrowserTests.Features;

public sealed class SignInTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_learner_signs_in_and_lands_on_the_dashboard()
    {
        var page = await app.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();

        await signIn.SignInAsync(BrowserFixture.LearnerEmail, RightsAcademyFactory.Password);

        await page.WaitForURLAsync("**/dashboard");
        Assert.Equal("Welcome, Ji-woo Park", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
    }

    [Theory]
    [InlineData("en-GB", "ltr")]
    [InlineData("ar", "rtl")]
    public async Task Sign_in_and_dashboard_have_no_accessibility_violations(string locale, string direction)
    {
        var page = await app.NewPageAsync(locale);
        await page.GotoAsync("/account/sign-in");
        Assert.Equal(direction, await page.Locator("html").GetAttributeAsync("dir"));
        await Axe.AssertNoViolationsAsync(page);

        await page.Locator("#Email").FillAsync(BrowserFixture.LearnerEmail);
        await page.Locator("#Password").FillAsync(RightsAcademyFactory.Password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/dashboard");
        await Axe.AssertNoViolationsAsync(page);

        // A failed sign-in shows the error summary and marked fields: they must be accessible too.
        var other = await app.NewPageAsync(locale);
        await other.GotoAsync("/account/sign-in");
        await other.Locator("main button[type=submit]").ClickAsync();
        await other.Locator(".error-summary").WaitForAsync();
        await Axe.AssertNoViolationsAsync(other);
    }

    [Fact]
    public async Task Skip_link_is_the_first_stop_and_moves_focus_to_the_content()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");

        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')");
        Assert.Equal("#main", focused);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
    }
}
