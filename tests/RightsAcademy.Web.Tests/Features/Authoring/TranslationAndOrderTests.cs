using System.Net;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;
using RightsAcademy.Web.Tests.Features.ContentImport;

namespace RightsAcademy.Web.Tests.Features.Authoring;

public sealed class TranslationAndOrderTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<FormClient> TrainerAsync(string email)
    {
        await app.Factory.CreateUserAsync(email, Roles.Trainer, app.Municipality.Id);
        var client = app.Factory.CreateFormClient();
        await client.SignInAsync(email);
        return client;
    }

    [Fact]
    public async Task A_translation_is_edited_beside_its_source_flagged_when_the_source_moves_on_and_marked_up_to_date_explicitly()
    {
        using var trainer = await TrainerAsync("translator@example.org");
        await trainer.CreateCourseAsync("bilingual");
        await trainer.SaveAsync("bilingual", "course.md",
            f => f["Form.OtherFrontMatter"] = f["Form.OtherFrontMatter"].Replace("languages: [en]", "languages: [en, fr]", StringComparison.Ordinal));
        await trainer.AddModuleAsync("bilingual", "basics", "Basics");
        var lesson = await trainer.AddLessonAsync("bilingual", "01-basics", "intro", "Intro");
        await trainer.SaveAsync("bilingual", lesson, f => f["Form.Body"] = "The English source.");

        var added = await trainer.PostFormAsync(Authoring.EditUrl("bilingual", lesson), "/author/courses/bilingual/translations",
            ("path", lesson), ("language", "fr"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var french = "01-basics/01-intro.fr.md";
        var editor = await trainer.GetPageAsync(Authoring.EditUrl("bilingual", french));
        Assert.Contains("id=\"source-version\"", editor, StringComparison.Ordinal);
        Assert.Contains("The English source.", editor, StringComparison.Ordinal);
        Assert.Contains("up to date with its source", editor, StringComparison.Ordinal);
        await trainer.SaveAsync("bilingual", french, f => { f["Form.Title"] = "Introduction"; f["Form.Body"] = "La source anglaise."; });
        Assert.Equal(HttpStatusCode.Redirect, (await trainer.PublishAsync("bilingual")).StatusCode);
        Assert.Contains("Every translation is up to date", await trainer.GetPageAsync("/author/stale-translations"), StringComparison.Ordinal);

        await trainer.SaveAsync("bilingual", lesson, f => f["Form.Body"] = "The English source, with a typo fixed.");
        Assert.Contains("Out of date", await trainer.GetPageAsync("/author/courses/bilingual"), StringComparison.Ordinal);
        Assert.Contains("The source changed since", await trainer.GetPageAsync(Authoring.EditUrl("bilingual", french)), StringComparison.Ordinal);
        await trainer.PublishAsync("bilingual");
        Assert.Contains(french, await trainer.GetPageAsync("/author/stale-translations"), StringComparison.Ordinal);

        var marked = await trainer.PostFormAsync(Authoring.EditUrl("bilingual", french), "/author/courses/bilingual/up-to-date", ("path", french));
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.DoesNotContain("Out of date", await trainer.GetPageAsync("/author/courses/bilingual"), StringComparison.Ordinal);
        // Marking changed no text: the translation reads as before.
        Assert.Equal("La source anglaise.", (await trainer.EditorFieldsAsync("bilingual", french))["Form.Body"].Trim());
        await trainer.PublishAsync("bilingual");
        Assert.Contains("Every translation is up to date", await trainer.GetPageAsync("/author/stale-translations"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_a_lesson_swaps_the_numbers_of_its_files_and_keeps_its_slug()
    {
        using var trainer = await TrainerAsync("orderer@example.org");
        await trainer.CreateCourseAsync("ordered");
        await trainer.AddModuleAsync("ordered", "basics", "Basics");
        await trainer.AddLessonAsync("ordered", "01-basics", "first", "First");
        await trainer.AddLessonAsync("ordered", "01-basics", "second", "Second");

        var moved = await trainer.PostFormAsync("/author/courses/ordered", "/author/courses/ordered/move", ("path", "01-basics/02-second.md"), ("direction", "up"));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var paths = await app.Factory.QueryAsync(db => db.CourseDraftFiles.Where(f => f.Path.StartsWith("01-basics/0")).Select(f => f.Path).OrderBy(p => p).ToListAsync());
        Assert.Equal(["01-basics/01-second.md", "01-basics/02-first.md"], paths);
        var page = await trainer.GetPageAsync("/author/courses/ordered");
        Assert.True(page.IndexOf(">Second<", StringComparison.Ordinal) < page.IndexOf(">First<", StringComparison.Ordinal));
    }
}
