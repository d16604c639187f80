using System.Net;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Accounts;

public sealed class AddressLimitedFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Accounts:SignInsPerMinutePerAddress"] = "4",
    };
}

public sealed class AccountLimitedFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Accounts:SignInsPerAccount"] = "3",
        ["Accounts:SignInAccountWindow"] = "00:10:00",
    };
}

public sealed class SignInAddressLimitTests(AddressLimitedFixture app) : IClassFixture<AddressLimitedFixture>
{
    [Fact]
    public async Task One_address_gets_a_friendly_localised_429_after_its_attempts_per_minute_whatever_the_accounts()
    {
        using var client = app.Factory.CreateFormClient();
        for (var i = 0; i < 4; i++)
        {
            var allowed = await client.PostFormAsync("/account/sign-in", "/account/sign-in", ("Email", $"someone{i}@example.org"), ("Password", "wrong wrong wrong"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var refused = await client.PostFormAsync("/account/sign-in", "/account/sign-in", ("Email", "someone-else@example.org"), ("Password", "wrong wrong wrong"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Too many attempts</h1>", html, StringComparison.Ordinal);

        // The other account forms share the address's budget, and the page speaks the visitor's language.
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var forgot = await client.PostFormAsync("/account/forgot-password", "/account/forgot-password", ("Email", "someone@example.org"));
        Assert.Equal(HttpStatusCode.TooManyRequests, forgot.StatusCode);
        Assert.Contains("Trop de tentatives", await forgot.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SignInAccountLimitTests(AccountLimitedFixture app) : IClassFixture<AccountLimitedFixture>
{
    [Fact]
    public async Task One_account_is_limited_from_any_client_while_other_accounts_still_sign_in()
    {
        await app.Factory.CreateUserAsync("targeted@example.org", Roles.Learner, app.Municipality.Id);
        await app.Factory.CreateUserAsync("bystander@example.org", Roles.Learner, app.Municipality.Id);
        for (var i = 0; i < 3; i++)
        {
            // A fresh client each time: a botnet does not share cookies.
            using var attacker = app.Factory.CreateFormClient();
            var allowed = await attacker.PostFormAsync("/account/sign-in", "/account/sign-in", ("Email", "TARGETED@example.org"), ("Password", $"guess number {i}"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var owner = app.Factory.CreateFormClient();
        var refused = await owner.PostFormAsync("/account/sign-in", "/account/sign-in", ("Email", "targeted@example.org"), ("Password", RightsAcademyFactory.Password));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.GetAsync("/dashboard")).StatusCode);

        using var bystander = app.Factory.CreateFormClient();
        await bystander.SignInAsync("bystander@example.org");
        Assert.Equal(HttpStatusCode.OK, (await bystander.GetAsync("/dashboard")).StatusCode);
    }
}
