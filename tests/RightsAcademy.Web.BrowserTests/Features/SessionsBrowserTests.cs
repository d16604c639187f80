using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.BrowserTests.Features;

/// <summary>
/// A coordinator creates a cohort, imports staff and schedules a peer-exchange session; a member answers yes and
/// downloads the invitation; the presenting municipality publishes its practice. Every new page checked with axe.
/// </summary>
public sealed class SessionsBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task A_coordinator_schedules_a_session_for_imported_staff_and_a_member_answers_and_downloads_the_invitation(string language)
    {
        var coordinatorEmail = $"sess-coord-{language}@example.org";
        await app.Factory.CreateUserAsync(coordinatorEmail, Roles.Coordinator, app.Municipality.Id, language: language);
        var page = await app.SignedInPageAsync(coordinatorEmail, language);
        var cohortTitle = $"Session cohort {language}";

        await page.GotoAsync("/cohorts/new");
        await page.Locator("#Form_Title").FillAsync(cohortTitle);
        await page.Locator("#Form_EnrolmentOpensOn").FillAsync("2026-01-05");
        await page.Locator("#Form_StartsOn").FillAsync("2036-02-02");
        await page.Locator("#Form_EndsOn").FillAsync("2036-03-30");
        await page.Locator("#Form_TimeZone").SelectOptionAsync("Europe/Vienna");
        await page.Locator("#Form_Capacity").FillAsync("25");
        await page.Locator($"#municipality-{app.Municipality.Id}").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = cohortTitle, Level = 1 })).ToBeVisibleAsync();

        var memberEmail = $"sess-member-{language}@example.org";
        var csv = $"name,email,municipality,department,language,timezone\nAna Souza,{memberEmail},{app.Municipality.Name},Housing,{language},America/Montevideo\n";
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "staff.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.Locator("#import-file").Locator("xpath=ancestor::form").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = memberEmail })).ToBeVisibleAsync();

        // Schedule from the cohort page: the cohort is ticked and its zone chosen already.
        await page.Locator("a[href^='/sessions/new?cohort=']").ClickAsync();
        await Assertions.Expect(page.Locator("#Form_TimeZone")).ToHaveValueAsync("Europe/Vienna");
        await Assertions.Expect(page.Locator("#Form_DurationMinutes")).ToHaveValueAsync("90");
        await Axe.AssertNoViolationsAsync(page);
        var sessionTitle = $"Participatory budgets {language}";
        await page.Locator("#Form_Title").FillAsync(sessionTitle);
        // 02:30 on the last Sunday of March does not exist in Vienna: a field error, the typed values kept.
        await page.Locator("#Form_Start").FillAsync("2027-03-28T02:30");
        await page.Locator("#Form_MeetingUrl").FillAsync("https://meet.example.org/budgets");
        await page.Locator("#Form_Agenda").FillAsync("1. Welcome\n2. **Porto Alegre** model");
        await page.Locator($"#municipality-{app.Municipality.Id}").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#Form_Start")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#Form_Title")).ToHaveValueAsync(sessionTitle);
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#Form_Start").FillAsync("2027-03-29T18:00");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = sessionTitle, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#host-time")).ToContainTextAsync("Europe/Vienna");
        await Axe.AssertNoViolationsAsync(page);

        // The presenting municipality's coordinator publishes the practice.
        await page.Locator("a[href$='/practices/new']").ClickAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#Form_Title").FillAsync($"Neighbourhood budgets {language}");
        await page.Locator("#Form_Theme").FillAsync("Participation");
        await page.Locator("#Form_Summary").FillAsync("Residents decide on **5 %** of the budget.");
        await page.Locator("#Form_WhatWorked").FillAsync("Meetings in every district.");
        await page.Locator("#Form_Contact").FillAsync("Participation office");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Neighbourhood budgets {language}", Level = 1 })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync("/practices?theme=Participation");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Neighbourhood budgets {language}" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        // The imported member answers yes and downloads the invitation.
        await SetPasswordAsync(memberEmail);
        var member = await app.SignedInPageAsync(memberEmail, language);
        await member.GotoAsync("/sessions");
        await Axe.AssertNoViolationsAsync(member);
        await member.GetByRole(AriaRole.Link, new() { Name = sessionTitle }).ClickAsync();
        await Assertions.Expect(member.Locator("#viewer-time")).ToContainTextAsync("America/Montevideo");
        await Axe.AssertNoViolationsAsync(member);
        await member.Locator("form:has(input[name=answer][value=Yes]) button").ClickAsync();
        await Assertions.Expect(member.Locator("p.notice[role=status]")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(member);

        var download = await member.RunAndWaitForDownloadAsync(() => member.Locator("a[href$='/invitation.ics']").ClickAsync());
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", ics, StringComparison.Ordinal);
        Assert.Contains("TZID:Europe/Vienna", ics, StringComparison.Ordinal);

        await using var db = app.Factory.Database.CreateDbContext();
        var session = await db.ExchangeSessions.SingleAsync(s => s.Title == sessionTitle);
        Assert.Contains("UID:" + SessionCalendar.Uid(session.Id), ics, StringComparison.Ordinal);
        Assert.Equal(RsvpAnswer.Yes, await db.SessionRsvps.Where(r => r.SessionId == session.Id).Select(r => r.Answer).SingleAsync());

        // The personal feed page.
        await member.GotoAsync("/sessions");
        await member.Locator("form[action='/calendar/feed'] button").ClickAsync();
        await Assertions.Expect(member.Locator("#feed-url")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/calendar/[A-Za-z0-9_-]{40,}\\.ics$"));
        await Axe.AssertNoViolationsAsync(member);
    }

    private async Task SetPasswordAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.InvitedUtc = null;
        user.EmailConfirmed = true;
        await users.AddPasswordAsync(user, RightsAcademyFactory.Password);
    }
}
