using Microsoft.Playwright;

namespace RightsAcademy.Web.BrowserTests.Features;

/// <summary>Page object: finds fields by their accessible names, as a screen-reader user would.</summary>
public sealed class SignInPage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("/account/sign-in");

    public async Task SignInAsync(string email, string password, string emailLabel = "E-mail address", string passwordLabel = "Password",
        string button = "Sign in")
    {
        await page.GetByLabel(emailLabel).FillAsync(email);
        await page.GetByLabel(passwordLabel, new() { Exact = false }).FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
    }
}
