using System.Net;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.ContentImport;

public sealed class StaleTranslationsPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Trainers_see_the_translations_whose_source_changed_until_they_are_updated()
    {
        using var content = new TempContent().AddCourse("stale-page");
        await app.Factory.ImportAsync(content.Folder);
        await app.Factory.CreateUserAsync("stale-trainer@example.org", Roles.Trainer, app.Municipality.Id);
        using var trainer = app.Factory.CreateFormClient();
        await trainer.SignInAsync("stale-trainer@example.org");
        Assert.Contains("Every translation is up to date", await trainer.GetPageAsync("/author/stale-translations"), StringComparison.Ordinal);

        content.Write("stale-page", "01-basics/01-intro.md", TempContent.LessonMd("Introduction", "The source moved on."));
        await app.Factory.ImportAsync(content.Folder);
        var stale = await trainer.GetPageAsync("/author/stale-translations");

        Assert.Contains("01-basics/01-intro.fr.md", stale, StringComparison.Ordinal);
        Assert.DoesNotContain("01-basics/01-intro.md<", stale, StringComparison.Ordinal);

        content.Write("stale-page", "01-basics/01-intro.fr.md", TempContent.LessonMd("Introduction", "La source a changé."));
        await app.Factory.ImportAsync(content.Folder);
        Assert.Contains("Every translation is up to date", await trainer.GetPageAsync("/author/stale-translations"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Learners_are_refused()
    {
        await app.Factory.CreateUserAsync("stale-learner@example.org", Roles.Learner, app.Municipality.Id);
        using var learner = app.Factory.CreateFormClient();
        await learner.SignInAsync("stale-learner@example.org");

        var response = await learner.GetAsync("/author/stale-translations");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
