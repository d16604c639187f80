using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.BrowserTests.Features;

/// <summary>
/// A coordinator reads the report, filters it with the plain GET form and finds the chart with its table; a learner
/// opens their data page. axe on every state, in English and in Arabic, where the chart's weeks run right to left.
/// </summary>
public sealed class ReportsBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task A_coordinator_filters_the_report_and_the_chart_reads_in_the_pages_direction(string language)
    {
        var department = $"Libraries {language}";
        await AddLearnersAsync(department, count: 6, completed: 3);
        var email = $"report-coord-{language}@example.org";
        await app.Factory.CreateUserAsync(email, Roles.Coordinator, app.Municipality.Id, language: language);
        var page = await app.SignedInPageAsync(email, language);

        await page.GotoAsync("/dashboard");
        await page.Locator("nav a[href='/reports']").ClickAsync();
        await Assertions.Expect(page.Locator("svg[role=img] > title")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#weeks table")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        // The weeks run in the reading direction: the earliest week's label starts the axis on the reading side.
        var labels = page.Locator("svg[role=img] g[text-anchor=middle] text");
        var first = (await labels.First.BoundingBoxAsync())!;
        var last = (await labels.Last.BoundingBoxAsync())!;
        if (language == "ar")
        {
            Assert.True(first.X > last.X, "in Arabic the first week is on the right");
        }
        else
        {
            Assert.True(first.X < last.X, "in English the first week is on the left");
        }

        // The filter form works as a plain GET form: choose a department, submit, the address carries it.
        await page.Locator("#filter-department").SelectOptionAsync(department);
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/reports?**department=**");
        await Assertions.Expect(page.Locator("#filter-department")).ToHaveValueAsync(department);
        var staffRow = page.Locator("#municipalities tbody tr").First;
        await Assertions.Expect(staffRow.Locator("td").First).ToHaveTextAsync("6");
        await Axe.AssertNoViolationsAsync(page);

        // The target form, with an error, then saved.
        await page.Locator("#Target_Department").FillAsync(department);
        await page.Locator("#Target_Headcount").FillAsync("-1");
        await page.Locator("#coverage form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("#Target_Headcount").FillAsync("12");
        await page.Locator("#coverage form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public async Task A_learner_finds_their_data_page_from_the_profile(string language)
    {
        var email = $"data-learner-{language}@example.org";
        await app.Factory.CreateUserAsync(email, Roles.Learner, app.Municipality.Id, language: language);
        var page = await app.SignedInPageAsync(email, language);
        await page.GotoAsync("/account/profile");
        await page.Locator("main a[href='/account/data']").ClickAsync();
        await Assertions.Expect(page.Locator("a[href='/account/data/export']")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);

        // Submitting without the confirmation shows the error next to the box, the account stays.
        await page.Locator("#Form_Password").FillAsync(RightsAcademyFactory.Password);
        await page.Locator("form[action='/account/data/delete'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#Form_Confirm-error")).Not.ToBeEmptyAsync();
        await Axe.AssertNoViolationsAsync(page);
        await using var db = app.Factory.Database.CreateDbContext();
        Assert.True(await db.Users.AnyAsync(u => u.Email == email && u.DeletedUtc == null));
    }

    private async Task AddLearnersAsync(string department, int count, int completed)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var course = await db.Courses.SingleAsync(c => c.Slug == SampleCourse.Slug);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var user = new AppUser
            {
                UserName = $"{department}-{i}@example.org", Email = $"{department}-{i}@example.org".Replace(' ', '-'), DisplayName = $"Learner {i}",
                MunicipalityId = app.Municipality.Id, Department = department, PreferredLanguage = "en", TimeZone = "Europe/Paris", CreatedUtc = now,
                SecurityStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(user);
            db.Enrolments.Add(new Enrolment
            {
                UserId = user.Id, CourseId = course.Id, EnrolledUtc = now.AddDays(-7 * i - 1), LastActivityUtc = now.AddDays(-i),
                CompletedUtc = i < completed ? now.AddDays(-7 * i) : null,
            });
        }

        await db.SaveChangesAsync();
    }
}
