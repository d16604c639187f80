using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Notifications;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.BrowserTests.Features;

public sealed class MailPreferencesBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task A_person_chooses_mail_on_the_profile_and_unsubscribes_from_a_mail_without_signing_in(string language)
    {
        var email = $"mail-prefs-{language}@example.org";
        var user = await app.Factory.CreateUserAsync(email, Roles.Learner, app.Municipality.Id, language: language);
        var page = await app.SignedInPageAsync(email, language);
        await page.GotoAsync("/account/profile#mail");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#mail-CohortNews").UncheckAsync();
        await page.Locator("#digest-Daily").CheckAsync();
        await page.Locator("form[action='/account/mail'] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/account/profile?mailSaved=true#mail");
        Assert.True(await page.Locator("#mail-Nudges").IsCheckedAsync());
        Assert.False(await page.Locator("#mail-CohortNews").IsCheckedAsync());
        Assert.True(await page.Locator("#digest-Daily").IsCheckedAsync());
        await Axe.AssertNoViolationsAsync(page);

        // The link in a mail, opened in a browser that is not signed in.
        string token;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            token = scope.ServiceProvider.GetRequiredService<UnsubscribeTokens>().Create(user.Id, MailCategory.Nudges);
        }

        var anonymous = await app.NewPageAsync(language == "ar" ? "ar" : "en-GB");
        await anonymous.GotoAsync($"/unsubscribe/{token}");
        await Axe.AssertNoViolationsAsync(anonymous);
        await anonymous.Locator("main form button[type=submit]").ClickAsync();
        await anonymous.Locator("[role=status]").WaitForAsync();
        await Axe.AssertNoViolationsAsync(anonymous);

        await using var check = app.Factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var preferences = await db.MailPreferences.AsNoTracking().SingleAsync(p => p.UserId == user.Id);
        Assert.Equal(MailCategory.CohortNews | MailCategory.Nudges, preferences.Stopped);
        Assert.Equal(DigestMode.Daily, preferences.Digest);
    }
}
