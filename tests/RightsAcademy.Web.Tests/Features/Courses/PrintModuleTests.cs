using System.Net;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Courses;

public sealed class PrintModuleTests(CourseFixture app) : IClassFixture<CourseFixture>
{
    private const string PrintBasics = $"/courses/{SampleCourse.Slug}/modules/basics/print";

    [Fact]
    public async Task An_enrolled_learner_gets_the_whole_module_on_one_page_in_order()
    {
        await app.Factory.CreateUserAsync("printer@example.org", Roles.Learner, app.Municipality.Id, language: "fr");
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("printer@example.org");
        await client.PostFormAsync($"/courses/{SampleCourse.Slug}", $"/courses/{SampleCourse.Slug}/enrol");

        var page = await client.GetPageAsync(PrintBasics);

        var welcome = page.IndexOf("Bonjour et bienvenue.", StringComparison.Ordinal);
        var untranslated = page.IndexOf("This lesson has no translation.", StringComparison.Ordinal);
        var extra = page.IndexOf("For the curious.", StringComparison.Ordinal);
        Assert.True(welcome > 0 && welcome < untranslated && untranslated < extra, "lessons missing or out of order");
        Assert.Contains("<h1 lang=\"fr\">Les bases</h1>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"lesson-untranslated\" lang=\"en\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_print_view_needs_sign_in_and_enrolment()
    {
        await app.Factory.CreateUserAsync("print-stranger@example.org", Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();

        var anonymous = await client.GetAsync(PrintBasics);
        await client.SignInAsync("print-stranger@example.org");
        var notEnrolled = await client.GetAsync(PrintBasics);
        var unknown = await client.GetAsync($"/courses/{SampleCourse.Slug}/modules/nope/print");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal($"/courses/{SampleCourse.Slug}?enrolFirst=true", notEnrolled.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
