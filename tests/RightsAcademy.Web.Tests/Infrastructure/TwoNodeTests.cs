using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Infrastructure;

/// <summary>
/// Two app nodes on one database, as behind a load balancer without sticky sessions: a person signed in on one node
/// must stay signed in on the other, and a form served by one must be accepted by the other. Both depend on the
/// Data Protection keys living in PostgreSQL; both nodes start before anyone signs in, so neither can rely on
/// having read a key ring that the other wrote first.
/// </summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private RightsAcademyFactory _first = null!;
    private RightsAcademyFactory _second = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _first = new RightsAcademyFactory(_database);
        _second = new RightsAcademyFactory(_database);
        // Build both hosts before any request.
        _ = _first.Services;
        _ = _second.Services;
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_sign_in_and_a_form_from_one_node_are_accepted_by_the_other()
    {
        var municipality = await _first.CreateMunicipalityAsync();
        var learner = await _first.CreateUserAsync("two.nodes@example.org", Roles.Learner, municipality.Id);
        var cookies = new CookieContainer();
        using var onFirst = new FormClient(_first.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)));
        using var onSecond = new FormClient(_second.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)));

        var before = await onSecond.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.StartsWith("/account/sign-in", before.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        await onFirst.SignInAsync(learner.Email!);

        var dashboard = await onSecond.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);

        var page = await onFirst.GetPageAsync("/dashboard");
        var token = FormClient.AntiforgeryToken(page);
        Assert.NotNull(token);
        var change = await onSecond.Http.PostAsync(new Uri("/language", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__xsrf"] = token,
            ["culture"] = "fr",
            ["returnUrl"] = "/dashboard",
        }));
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);

        await using var db = _database.CreateDbContext();
        var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == learner.Id);
        Assert.Equal("fr", stored.PreferredLanguage);
    }
}
