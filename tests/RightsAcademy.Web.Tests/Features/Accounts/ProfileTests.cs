using System.Net;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Accounts;

public sealed class ProfileTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Changing_the_language_in_the_profile_changes_every_page_at_once()
    {
        await app.Factory.CreateUserAsync("polyglot@example.org", Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("polyglot@example.org");

        var saved = await client.PostFormAsync("/account/profile", "/account/profile",
            ("Form.DisplayName", "Marie-Hélène Dubois"), ("Form.Department", "Logement"), ("Form.Language", "fr"), ("Form.TimeZone", "Africa/Dakar"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var dashboard = await client.GetPageAsync("/dashboard");
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", dashboard, StringComparison.Ordinal);
        Assert.Contains("Bienvenue, Marie-Hélène Dubois", dashboard, StringComparison.Ordinal);
        var profile = await client.GetPageAsync("/account/profile");
        Assert.Matches("<option (selected=\"selected\" value=\"Africa/Dakar\"|value=\"Africa/Dakar\" selected)", profile);
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused_and_the_other_fields_are_kept()
    {
        await app.Factory.CreateUserAsync("tz@example.org", Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("tz@example.org");

        var response = await client.PostFormAsync("/account/profile", "/account/profile",
            ("Form.DisplayName", "Name To Keep"), ("Form.Language", "en"), ("Form.TimeZone", "Mars/Olympus_Mons"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#Form_TimeZone\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Name To Keep\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_display_name_longer_than_200_characters_is_refused()
    {
        await app.Factory.CreateUserAsync("long@example.org", Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("long@example.org");

        var response = await client.PostFormAsync("/account/profile", "/account/profile",
            ("Form.DisplayName", new string('ㄱ', 201)), ("Form.Language", "en"), ("Form.TimeZone", "Asia/Seoul"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("200 characters or fewer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switcher_works_for_anonymous_visitors()
    {
        using var client = app.Factory.CreateFormClient();

        var response = await client.PostFormAsync("/account/sign-in", "/language", ("culture", "ar"), ("returnUrl", "/account/sign-in"));

        Assert.Equal("/account/sign-in", response.Headers.Location?.OriginalString);
        var page = await client.GetPageAsync("/account/sign-in");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_browser_language_is_used_when_nobody_chose_one()
    {
        using var client = app.Factory.CreateFormClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-MX,es;q=0.9");

        var page = await client.GetPageAsync("/account/sign-in");

        Assert.Contains("<html lang=\"es\" dir=\"ltr\">", page, StringComparison.Ordinal);
        Assert.Contains("Iniciar sesión", page, StringComparison.Ordinal);
    }
}
