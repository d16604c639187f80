using System.Net;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Admin;

public sealed class AdminAccessTests(AppFixture app) : IClassFixture<AppFixture>
{
    public static TheoryData<string> AdminPages => ["/admin/users", "/admin/users/invite", "/admin/municipalities", "/admin/municipalities/new", "/admin/jobs", "/admin/outbox"];

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        using var client = app.Factory.CreateFormClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Learners_are_refused(string url)
    {
        await EnsureUserAsync("learner-admin@example.org", Roles.Learner);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("learner-admin@example.org");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/municipalities")]
    [InlineData("/admin/jobs")]
    public async Task Coordinators_are_refused_admin_only_pages(string url)
    {
        await EnsureUserAsync("coord-admin@example.org", Roles.Coordinator);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("coord-admin@example.org");

        var response = await client.GetAsync(url);

        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Admins_get_every_admin_page(string url)
    {
        await EnsureUserAsync("admin-admin@example.org", Roles.Admin);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("admin-admin@example.org");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_creates_a_municipality_and_bad_input_is_reported_without_losing_the_form()
    {
        await EnsureUserAsync("admin-mun@example.org", Roles.Admin);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("admin-mun@example.org");

        var bad = await client.PostFormAsync("/admin/municipalities/new", "/admin/municipalities/new",
            ("Form.Name", "Pikine"), ("Form.Country", "XX"), ("Form.TimeZone", "Africa/Dakar"), ("Form.DefaultLanguage", "fr"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Form_Country\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Pikine\"", html, StringComparison.Ordinal);

        var good = await client.PostFormAsync("/admin/municipalities/new", "/admin/municipalities/new",
            ("Form.Name", "Pikine"), ("Form.Country", "SN"), ("Form.TimeZone", "Africa/Dakar"), ("Form.DefaultLanguage", "fr"));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("Pikine", await client.GetPageAsync("/admin/municipalities"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_sees_only_the_staff_of_their_own_municipality()
    {
        var other = await app.Factory.CreateMunicipalityAsync("Ariana", "TN", "Africa/Tunis", "ar");
        await app.Factory.CreateUserAsync("stranger@example.org", Roles.Learner, other.Id, displayName: "Stranger Person");
        await app.Factory.CreateUserAsync("neighbour@example.org", Roles.Learner, app.Municipality.Id, displayName: "Neighbour Person");
        await EnsureUserAsync("coord-list@example.org", Roles.Coordinator);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("coord-list@example.org");

        var html = await client.GetPageAsync("/admin/users");

        Assert.Contains("Neighbour Person", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Stranger Person", html, StringComparison.Ordinal);
    }

    // Theory rows share the class's database, so the account may exist from an earlier row.
    private async Task EnsureUserAsync(string email, string role)
    {
        try
        {
            await app.Factory.CreateUserAsync(email, role, app.Municipality.Id);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("already", StringComparison.Ordinal))
        {
        }
    }
}

internal static class UriExtensions
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
