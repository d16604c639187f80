using System.Net;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Practices;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Sessions;

/// <summary>Presenting municipalities publish into /practices; all signed-in staff search it by theme, city and country.</summary>
public sealed class PracticeLibraryTests(CourseFixture app) : IClassFixture<CourseFixture>
{
    [Fact]
    public async Task Only_a_presenting_municipalitys_coordinator_or_the_sessions_facilitator_publishes_and_the_text_is_sanitised()
    {
        var presenting = await app.Factory.CreateMunicipalityAsync("Graz", "AT", "Europe/Vienna", "en");
        var other = await app.Factory.CreateMunicipalityAsync("Lyon", "FR", "Europe/Paris", "fr");
        var runner = await app.Factory.CreateUserAsync("lib-runner@example.org", Roles.Coordinator, other.Id);
        await app.Factory.CreateUserAsync("lib-graz-coord@example.org", Roles.Coordinator, presenting.Id);
        await app.Factory.CreateUserAsync("lib-lyon-coord@example.org", Roles.Coordinator, other.Id);
        await app.Factory.CreateUserAsync("lib-graz-learner@example.org", Roles.Learner, presenting.Id);
        var session = await app.Factory.CreateSessionAsync(runner.Id, [], openToAllStaff: true, title: "Open exchange",
            presentingMunicipalityIds: [presenting.Id]);

        // Not presenting, or not a coordinator: 404 on the form and on a direct post.
        foreach (var email in new[] { "lib-lyon-coord@example.org", "lib-graz-learner@example.org" })
        {
            using var refused = app.Factory.CreateFormClient();
            await refused.SignInAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, (await refused.GetAsync($"/sessions/{session.Id}/practices/new")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await refused.PostFormAsync("/practices", $"/sessions/{session.Id}/practices/new",
                Fields(presenting.Id, "Intruder practice"))).StatusCode);
        }

        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("lib-graz-coord@example.org");
        // Another municipality than their own is refused.
        var wrong = await client.PostFormAsync($"/sessions/{session.Id}/practices/new", $"/sessions/{session.Id}/practices/new", Fields(other.Id, "Wrong city"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var published = await client.PostFormAsync($"/sessions/{session.Id}/practices/new", $"/sessions/{session.Id}/practices/new", Fields(presenting.Id, "Graz counters"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var page = await client.GetPageAsync(published.Headers.Location!.OriginalString);
        Assert.Contains("<strong>all</strong>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.Contains("Graz counters", await client.GetPageAsync($"/sessions/{session.Id}"), StringComparison.Ordinal);
        await using var db = app.Factory.Database.CreateDbContext();
        var practice = await db.Practices.SingleAsync(p => p.Title == "Graz counters");
        Assert.Equal("AT", practice.Country);
        Assert.Equal(session.Id, practice.SessionId);
        Assert.False(await db.Practices.AnyAsync(p => p.Title == "Intruder practice" || p.Title == "Wrong city"));
    }

    [Fact]
    public async Task Staff_search_by_theme_city_and_country_in_the_query_string_one_page_at_a_time()
    {
        var m1 = await app.Factory.CreateMunicipalityAsync("Montevideo", "UY", "America/Montevideo", "es");
        var m2 = await app.Factory.CreateMunicipalityAsync("Seoul", "KR", "Asia/Seoul", "en");
        var publisher = await app.Factory.CreateUserAsync("search-pub@example.org", Roles.Coordinator, m1.Id);
        await app.Factory.CreateUserAsync("search-reader@example.org", Roles.Learner, m2.Id);
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < 25; i++)
            {
                db.Practices.Add(Practice(m1.Id, publisher.Id, $"Housing desk {i:00}", "Montevideo", "UY", "Housing", now.AddMinutes(-i)));
            }

            db.Practices.Add(Practice(m2.Id, publisher.Id, "Seoul rights office", "Seoul", "KR", "Participation", now));
            db.Practices.Add(Practice(m2.Id, publisher.Id, "Busan housing help", "Busan", "KR", "Housing", now));
            await db.SaveChangesAsync();
        }

        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("search-reader@example.org");
        var housing = await client.GetPageAsync("/practices?theme=housing&country=UY");
        Assert.Contains("25 practices found", housing, StringComparison.Ordinal);
        Assert.Contains("Housing desk 00", housing, StringComparison.Ordinal);
        Assert.DoesNotContain("Housing desk 24", housing, StringComparison.Ordinal);
        Assert.DoesNotContain("Busan housing help", housing, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 2", housing, StringComparison.Ordinal);
        var second = await client.GetPageAsync("/practices?theme=housing&country=UY&page=2");
        Assert.Contains("Housing desk 24", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Housing desk 00", second, StringComparison.Ordinal);

        var city = await client.GetPageAsync("/practices?city=sEo");
        Assert.Contains("Seoul rights office", city, StringComparison.Ordinal);
        Assert.Contains("1 practices found", city, StringComparison.Ordinal);
        var korea = await client.GetPageAsync("/practices?country=kr&theme=Housing");
        Assert.Contains("Busan housing help", korea, StringComparison.Ordinal);
        Assert.DoesNotContain("Seoul rights office", korea, StringComparison.Ordinal);
        // A wildcard typed into the city box is a literal, not a pattern.
        Assert.Contains("0 practices found", await client.GetPageAsync("/practices?city=%25"), StringComparison.Ordinal);

        using var anonymous = app.Factory.CreateFormClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/practices")).StatusCode);
    }

    private static Practice Practice(Guid municipalityId, Guid publisherId, string title, string city, string country, string theme, DateTimeOffset at) => new()
    {
        MunicipalityId = municipalityId, Title = title, City = city, Country = country, Theme = theme, SummaryMarkdown = "s", SummaryHtml = "<p>s</p>",
        WhatWorkedMarkdown = "w", WhatWorkedHtml = "<p>w</p>", Contact = "c", PublishedById = publisherId, PublishedUtc = at,
    };

    private static (string, string)[] Fields(Guid municipalityId, string title) =>
    [
        ("Form.MunicipalityId", municipalityId.ToString()), ("Form.Title", title), ("Form.City", "Graz"), ("Form.Theme", "Housing"),
        ("Form.Summary", "Open to **all**.\n\n<script>alert(1)</script>"), ("Form.WhatWorked", "Evening hours."), ("Form.Contact", "Housing office"),
    ];
}
