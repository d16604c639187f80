using System.Net;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Cohorts;

public sealed class CohortEnrolmentTests(CourseFixture app) : IClassFixture<CourseFixture>
{
    [Fact]
    public async Task A_csv_with_bad_rows_reports_each_row_and_imports_nothing_then_the_fixed_file_imports_everyone()
    {
        var coordinator = await app.Factory.CreateUserAsync("csv-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        await app.Factory.CreateMunicipalityAsync("Outsidetown", "AT", "Europe/Vienna", "en");
        var known = await app.Factory.CreateUserAsync("csv-known@example.org", Roles.Learner, app.Municipality.Id);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [app.Municipality.Id], title: "CSV cohort");
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("csv-coord@example.org");

        const string bad = """
            name,email,municipality,department,language,timezone
            Ana Good,ana@example.org,Testville,Housing,fr,Europe/Paris
            Bad Mail,not-an-address,Testville,,,
            Nowhere Person,nowhere@example.org,Atlantis,,,
            Outside Person,outside@example.org,Outsidetown,,,
            Ana Again,ANA@example.org,Testville,,,
            Wrong Language,lang@example.org,Testville,,de,
            Wrong Zone,zone@example.org,Testville,,,Mars/Olympus
            ,noname@example.org,Testville,,,
            """;
        var response = await client.PostFormAsync($"/cohorts/{cohort.Id}", $"/cohorts/{cohort.Id}/import", ("csv", bad));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing was imported.", page, StringComparison.Ordinal);
        Assert.Contains("Row 3: “not-an-address” is not a valid e-mail address.", page, StringComparison.Ordinal);
        Assert.Contains("Row 4: no municipality is called “Atlantis”.", page, StringComparison.Ordinal);
        Assert.Contains("Row 5: Outsidetown does not take part in this cohort.", page, StringComparison.Ordinal);
        Assert.Contains("Row 6: the same address is already on row 2.", page, StringComparison.Ordinal);
        Assert.Contains("Row 7: “de” is not a language of the platform", page, StringComparison.Ordinal);
        Assert.Contains("Row 8: “Mars/Olympus” is not a known time zone", page, StringComparison.Ordinal);
        Assert.Contains("Row 9: the name is missing.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Row 2:", page, StringComparison.Ordinal);
        // The text comes back in the form to be fixed.
        Assert.Contains("Wrong Zone,zone@example.org", page, StringComparison.Ordinal);
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            Assert.False(await db.CohortMembers.AnyAsync(m => m.CohortId == cohort.Id));
            Assert.False(await db.Users.AnyAsync(u => u.Email == "ana@example.org"));
        }

        const string good = """
            name;email;municipality;department;language;timezone
            Ana Good;ana@example.org;Testville;Housing;fr;Europe/Paris
            "Known, Person";csv-known@example.org;testville;;;
            """;
        var imported = await client.PostFormAsync($"/cohorts/{cohort.Id}", $"/cohorts/{cohort.Id}/import", ("csv", good));
        var importedPage = await imported.Content.ReadAsStringAsync();
        Assert.Contains("2 rows imported.", importedPage, StringComparison.Ordinal);

        await using (var db = app.Factory.Database.CreateDbContext())
        {
            var ana = await db.Users.SingleAsync(u => u.Email == "ana@example.org");
            Assert.Equal("Housing", ana.Department);
            Assert.Equal("fr", ana.PreferredLanguage);
            Assert.NotNull(ana.InvitedUtc);
            var members = await db.CohortMembers.Where(m => m.CohortId == cohort.Id && m.Status == CohortMemberStatus.Active).Select(m => m.UserId).ToListAsync();
            Assert.Equal(new[] { ana.Id, known.Id }.Order(), members.Order());
            Assert.Equal(2, await db.Enrolments.CountAsync(e => members.Contains(e.UserId) && e.CourseId == cohort.CourseId));
        }

        // The new account received the ordinary invitation, in French, with a working link, and the cohort's welcome.
        var mail = app.Factory.Mailer.Sent.Single(m => m.ToAddress == "ana@example.org" && m.IdempotencyKey.StartsWith("invitation:", StringComparison.Ordinal));
        Assert.Equal("fr", mail.Language);
        Assert.Contains("/account/accept-invitation", CapturingMailer.LinkIn(mail), StringComparison.Ordinal);
        var welcome = app.Factory.Mailer.Sent.Single(m => m.ToAddress == "ana@example.org" && m.IdempotencyKey.StartsWith("cohort-welcome:", StringComparison.Ordinal));
        Assert.Equal("fr", welcome.Language);
        Assert.Null(welcome.UnsubscribeUrl);
    }

    [Fact]
    public async Task A_full_cohort_keeps_a_waitlist_that_is_served_in_order_when_a_place_frees()
    {
        var coordinator = await app.Factory.CreateUserAsync("wait-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        var first = await app.Factory.CreateUserAsync("wait-1@example.org", Roles.Learner, app.Municipality.Id);
        var second = await app.Factory.CreateUserAsync("wait-2@example.org", Roles.Learner, app.Municipality.Id);
        var third = await app.Factory.CreateUserAsync("wait-3@example.org", Roles.Learner, app.Municipality.Id);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [app.Municipality.Id], title: "Tiny open cohort", capacity: 1,
            mode: CohortEnrolmentMode.Open);

        async Task<string?> JoinAsync(string email)
        {
            using var client = app.Factory.CreateFormClient();
            await client.SignInAsync(email);
            var page = await client.GetPageAsync("/my-cohorts");
            Assert.Contains("Tiny open cohort", page, StringComparison.Ordinal);
            var response = await client.PostFormAsync("/my-cohorts", $"/cohorts/{cohort.Id}/join");
            return response.Headers.Location?.OriginalString;
        }

        Assert.Equal($"/my-cohorts/{cohort.Id}?notice=Joined", await JoinAsync("wait-1@example.org"));
        Assert.Equal($"/my-cohorts/{cohort.Id}?notice=Waitlisted", await JoinAsync("wait-2@example.org"));
        Assert.Equal($"/my-cohorts/{cohort.Id}?notice=Waitlisted", await JoinAsync("wait-3@example.org"));

        using (var client = app.Factory.CreateFormClient())
        {
            await client.SignInAsync("wait-1@example.org");
            var left = await client.PostFormAsync($"/my-cohorts/{cohort.Id}", $"/my-cohorts/{cohort.Id}/leave");
            Assert.Equal("/my-cohorts?notice=Left", left.Headers.Location?.OriginalString);
        }

        await using var db = app.Factory.Database.CreateDbContext();
        var statuses = await db.CohortMembers.Where(m => m.CohortId == cohort.Id).ToDictionaryAsync(m => m.UserId, m => m.Status);
        Assert.Equal(CohortMemberStatus.Left, statuses[first.Id]);
        Assert.Equal(CohortMemberStatus.Active, statuses[second.Id]);
        Assert.Equal(CohortMemberStatus.Waitlisted, statuses[third.Id]);
        Assert.True(await db.Enrolments.AnyAsync(e => e.UserId == second.Id && e.CourseId == cohort.CourseId));
        Assert.False(await db.Enrolments.AnyAsync(e => e.UserId == third.Id));
    }

    [Fact]
    public async Task Raising_the_capacity_gives_the_new_places_to_the_waitlist_in_order()
    {
        var coordinator = await app.Factory.CreateUserAsync("raise-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        var users = new List<AppUser>();
        for (var i = 1; i <= 4; i++)
        {
            users.Add(await app.Factory.CreateUserAsync($"raise-{i}@example.org", Roles.Learner, app.Municipality.Id));
        }

        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [app.Municipality.Id], title: "Raise", capacity: 1);
        foreach (var user in users)
        {
            await app.Factory.AddMemberAsync(cohort.Id, user.Id);
        }

        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("raise-coord@example.org");
        var detail = await client.GetPageAsync($"/cohorts/{cohort.Id}");
        Assert.Contains("1 of 1 places taken", detail, StringComparison.Ordinal);
        var edit = await client.PostFormAsync($"/cohorts/{cohort.Id}/edit", $"/cohorts/{cohort.Id}/edit",
            ("Form.CourseId", cohort.CourseId.ToString()), ("Form.Title", "Raise"), ("Form.EnrolmentOpensOn", CohortForm.Format(cohort.EnrolmentOpensOn)),
            ("Form.StartsOn", CohortForm.Format(cohort.StartsOn)), ("Form.EndsOn", CohortForm.Format(cohort.EndsOn)), ("Form.TimeZone", cohort.TimeZone),
            ("Form.Capacity", "3"), ("Form.Mode", "Invitation"), ("Form.MunicipalityIds", app.Municipality.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);

        await using var db = app.Factory.Database.CreateDbContext();
        var statuses = await db.CohortMembers.Where(m => m.CohortId == cohort.Id).ToDictionaryAsync(m => m.UserId, m => m.Status);
        Assert.Equal(
            [CohortMemberStatus.Active, CohortMemberStatus.Active, CohortMemberStatus.Active, CohortMemberStatus.Waitlisted],
            users.Select(u => statuses[u.Id]));
    }

    [Fact]
    public async Task A_join_code_admits_staff_of_a_participating_municipality_only()
    {
        var coordinator = await app.Factory.CreateUserAsync("code-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        var elsewhere = await app.Factory.CreateMunicipalityAsync("Elsewhere", "ES", "Europe/Madrid", "es");
        await app.Factory.CreateUserAsync("code-member@example.org", Roles.Learner, app.Municipality.Id);
        await app.Factory.CreateUserAsync("code-outsider@example.org", Roles.Learner, elsewhere.Id);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [app.Municipality.Id], title: "Code cohort", mode: CohortEnrolmentMode.JoinCode,
            joinCode: "K7PQ2MXA");

        using var member = app.Factory.CreateFormClient();
        await member.SignInAsync("code-member@example.org");
        var wrong = await member.PostFormAsync("/cohorts/join", "/cohorts/join", ("Code", "NOPE"));
        Assert.Contains("No cohort has this code.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var joined = await member.PostFormAsync("/cohorts/join", "/cohorts/join", ("Code", " k7pq-2mxa "));
        Assert.Equal($"/my-cohorts/{cohort.Id}?notice=Joined", joined.Headers.Location?.OriginalString);

        using var outsider = app.Factory.CreateFormClient();
        await outsider.SignInAsync("code-outsider@example.org");
        var refused = await outsider.PostFormAsync("/cohorts/join", "/cohorts/join", ("Code", "K7PQ2MXA"));
        Assert.Contains("Your municipality does not take part in this cohort.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_see_each_others_names_and_municipalities_and_an_address_only_when_shared()
    {
        var coordinator = await app.Factory.CreateUserAsync("peer-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        var second = await app.Factory.CreateMunicipalityAsync("Secondcity", "UY", "America/Montevideo", "es");
        var a = await app.Factory.CreateUserAsync("peer-a@example.org", Roles.Learner, app.Municipality.Id, displayName: "Peer Alpha");
        var b = await app.Factory.CreateUserAsync("peer-b@example.org", Roles.Learner, second.Id, displayName: "Peer Beta");
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [app.Municipality.Id, second.Id], title: "Two cities");
        await app.Factory.AddMemberAsync(cohort.Id, a.Id);
        await app.Factory.AddMemberAsync(cohort.Id, b.Id);

        using var alpha = app.Factory.CreateFormClient();
        await alpha.SignInAsync("peer-a@example.org");
        var page = await alpha.GetPageAsync($"/my-cohorts/{cohort.Id}");
        Assert.Contains("Peer Beta — Secondcity", page, StringComparison.Ordinal);
        Assert.DoesNotContain("peer-b@example.org", page, StringComparison.Ordinal);

        using var beta = app.Factory.CreateFormClient();
        await beta.SignInAsync("peer-b@example.org");
        await beta.PostFormAsync($"/my-cohorts/{cohort.Id}", $"/my-cohorts/{cohort.Id}/share-email", ("share", "true"));
        Assert.Contains("peer-b@example.org", await alpha.GetPageAsync($"/my-cohorts/{cohort.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inviting_an_unknown_address_creates_the_account_through_the_invitation_flow_and_keeps_a_place()
    {
        var coordinator = await app.Factory.CreateUserAsync("inv-coord@example.org", Roles.Coordinator, app.Municipality.Id);
        var existing = await app.Factory.CreateUserAsync("inv-existing@example.org", Roles.Learner, app.Municipality.Id);
        var cohort = await app.Factory.CreateCohortAsync(coordinator.Id, [app.Municipality.Id], title: "Invite cohort");
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("inv-coord@example.org");

        var added = await client.PostFormAsync($"/cohorts/{cohort.Id}", $"/cohorts/{cohort.Id}/invite", ("Invite.Email", "inv-existing@example.org"), ("Invite.Language", "en"));
        Assert.Equal($"/cohorts/{cohort.Id}?notice=Added", added.Headers.Location?.OriginalString);

        var missing = await client.PostFormAsync($"/cohorts/{cohort.Id}", $"/cohorts/{cohort.Id}/invite", ("Invite.Email", "inv-new@example.org"), ("Invite.Language", "en"));
        var missingPage = await missing.Content.ReadAsStringAsync();
        Assert.Contains("This address has no account yet", missingPage, StringComparison.Ordinal);
        Assert.Contains("value=\"inv-new@example.org\"", missingPage, StringComparison.Ordinal);

        var invited = await client.PostFormAsync($"/cohorts/{cohort.Id}", $"/cohorts/{cohort.Id}/invite", ("Invite.Email", "inv-new@example.org"),
            ("Invite.DisplayName", "New Person"), ("Invite.MunicipalityId", app.Municipality.Id.ToString()), ("Invite.Language", "es"));
        Assert.Equal($"/cohorts/{cohort.Id}?notice=Invited", invited.Headers.Location?.OriginalString);
        Assert.Equal("es", app.Factory.Mailer.LastTo("inv-new@example.org").Language);

        await using var db = app.Factory.Database.CreateDbContext();
        var ids = await db.CohortMembers.Where(m => m.CohortId == cohort.Id).Select(m => m.UserId).ToListAsync();
        Assert.Contains(existing.Id, ids);
        Assert.Equal(2, ids.Count);
    }
}
