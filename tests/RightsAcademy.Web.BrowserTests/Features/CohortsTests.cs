using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.BrowserTests.Features;

/// <summary>A coordinator sets up a cohort and brings in staff from a spreadsheet; a member then finds it.</summary>
public sealed class CohortsTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task A_coordinator_creates_a_cohort_and_imports_staff_and_a_member_sees_it(string language)
    {
        var coordinatorEmail = $"browser-coord-{language}@example.org";
        await app.Factory.CreateUserAsync(coordinatorEmail, Roles.Coordinator, app.Municipality.Id, language: language);
        var page = await app.SignedInPageAsync(coordinatorEmail, language);
        var title = $"Cohort {language}";

        await page.GotoAsync("/cohorts/new");
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#Form_Title").FillAsync(title);
        await page.Locator("#Form_EnrolmentOpensOn").FillAsync("2026-01-05");
        await page.Locator("#Form_StartsOn").FillAsync("2036-02-02");
        await page.Locator("#Form_EndsOn").FillAsync("2036-03-30");
        await page.Locator("#Form_TimeZone").SelectOptionAsync("Europe/Vienna");
        await page.Locator("#Form_Capacity").FillAsync("25");
        await page.Locator($"#municipality-{app.Municipality.Id}").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();

        // A file with one bad row: nothing imported, the row named, the text kept to fix.
        var memberEmail = $"browser-member-{language}@example.org";
        var csv = $"name,email,municipality,department,language,timezone\nLayla Haddad,{memberEmail},{app.Municipality.Name},Housing,{language},Asia/Seoul\nNo Mail,nope,{app.Municipality.Name},,,\n";
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "staff.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.Locator("#import-file").Locator("xpath=ancestor::form").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#import-report")).ToContainTextAsync("nope");
        await Assertions.Expect(page.Locator("#import-csv")).ToHaveValueAsync(csv);
        await Axe.AssertNoViolationsAsync(page);

        await page.Locator("#import-csv").FillAsync(csv.Replace("No Mail,nope,", "No Mail,nomail-" + language + "@example.org,", StringComparison.Ordinal));
        await page.Locator("#import-csv").Locator("xpath=ancestor::form").Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = memberEmail })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/cohorts");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        // The imported person, once they have a password, sees the cohort and its plan in their zone.
        await using (var db = app.Factory.Database.CreateDbContext())
        {
            Assert.Equal(2, await db.CohortMembers.CountAsync(m => db.Cohorts.Any(c => c.Id == m.CohortId && c.Title == title)));
        }

        await SetPasswordAsync(memberEmail);
        var member = await app.SignedInPageAsync(memberEmail, language);
        await member.GotoAsync("/my-cohorts");
        await member.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(member.GetByText("Asia/Seoul").First).ToBeVisibleAsync();
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
