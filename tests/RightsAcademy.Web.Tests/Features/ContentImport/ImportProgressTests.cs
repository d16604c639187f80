using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.ContentImport;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.ContentImport;

/// <summary>Learners' progress hangs on lesson identity (module and lesson slug), so no import may lose it.</summary>
public sealed class ImportProgressTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Progress_survives_a_changed_text_a_new_position_and_removal_and_returns_with_the_lesson()
    {
        using var content = new TempContent().AddCourse("progress");
        await app.Factory.ImportAsync(content.Folder);
        var learner = await app.Factory.CreateUserAsync("progress-learner@example.org", Roles.Learner, app.Municipality.Id);
        var intro = await LessonAsync("intro");
        await RecordProgressAsync(learner.Id, intro);

        // The text changes: same lesson, next version.
        content.Write("progress", "01-basics/01-intro.md", TempContent.LessonMd("Introduction", "A better introduction."));
        await app.Factory.ImportAsync(content.Folder);
        var changed = await LessonAsync("intro");
        Assert.Equal(intro.Id, changed.Id);
        Assert.Equal(2, changed.Version);
        await AssertProgressKeptAsync(learner.Id, intro);

        // Renumbered to the end of the module: same lesson, new place.
        content.Move("progress", "01-basics/01-intro.md", "01-basics/09-intro.md")
            .Move("progress", "01-basics/01-intro.fr.md", "01-basics/09-intro.fr.md");
        await app.Factory.ImportAsync(content.Folder);
        var moved = await LessonAsync("intro");
        Assert.Equal(intro.Id, moved.Id);
        Assert.Equal(3, moved.Position);
        Assert.Equal(1, (await LessonAsync("practice")).Position);
        Assert.Null(moved.ArchivedUtc);
        await AssertProgressKeptAsync(learner.Id, intro);

        // Removed from the files: archived, never deleted.
        content.Delete("progress", "01-basics/09-intro.md").Delete("progress", "01-basics/09-intro.fr.md");
        var removed = await app.Factory.ImportAsync(content.Folder);
        Assert.Equal(ImportOutcome.Updated, removed.Report.OutcomeOf("progress"));
        var archived = await LessonAsync("intro");
        Assert.Equal(intro.Id, archived.Id);
        Assert.NotNull(archived.ArchivedUtc);
        Assert.Null((await LessonAsync("practice")).ArchivedUtc);
        await AssertProgressKeptAsync(learner.Id, intro);

        // Back in the files: the same lesson again, with the learner's completion.
        content.Write("progress", "01-basics/04-intro.md", TempContent.LessonMd("Introduction", "A better introduction."));
        await app.Factory.ImportAsync(content.Folder);
        var restored = await LessonAsync("intro");
        Assert.Equal(intro.Id, restored.Id);
        Assert.Null(restored.ArchivedUtc);
        Assert.Equal(3, restored.Position);
        await AssertProgressKeptAsync(learner.Id, intro);
    }

    [Fact]
    public async Task A_removed_module_archives_its_lessons_and_keeps_their_progress()
    {
        using var content = new TempContent().AddCourse("module-goes")
            .Write("module-goes", "02-more/module.md", TempContent.ModuleMd)
            .Write("module-goes", "02-more/01-extra.md", TempContent.LessonMd("Extra"));
        await app.Factory.ImportAsync(content.Folder);
        var learner = await app.Factory.CreateUserAsync("module-learner@example.org", Roles.Learner, app.Municipality.Id);
        var extra = await app.Factory.QueryAsync(db => db.Lessons.AsNoTracking().SingleAsync(l => l.Slug == "extra"));
        await RecordProgressAsync(learner.Id, extra);

        content.Delete("module-goes", "02-more/01-extra.md").Delete("module-goes", "02-more/module.md");
        await app.Factory.ImportAsync(content.Folder);

        var module = await app.Factory.QueryAsync(db => db.Modules.AsNoTracking().Include(m => m.Lessons).SingleAsync(m => m.Id == extra.ModuleId));
        Assert.NotNull(module.ArchivedUtc);
        Assert.NotNull(Assert.Single(module.Lessons).ArchivedUtc);
        await AssertProgressKeptAsync(learner.Id, extra);
    }

    private Task<Lesson> LessonAsync(string slug) => app.Factory.QueryAsync(db => db.Lessons.AsNoTracking()
        .SingleAsync(l => l.Slug == slug && db.Courses.Any(c => c.Id == l.CourseId && c.Slug == "progress")));

    private async Task RecordProgressAsync(Guid userId, Lesson lesson) => await app.Factory.QueryAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        db.Enrolments.Add(new Enrolment { UserId = userId, CourseId = lesson.CourseId, EnrolledUtc = now, LastActivityUtc = now, LastLessonId = lesson.Id });
        db.LessonCompletions.Add(new LessonCompletion { UserId = userId, LessonId = lesson.Id, CompletedUtc = now });
        return await db.SaveChangesAsync();
    });

    private async Task AssertProgressKeptAsync(Guid userId, Lesson lesson)
    {
        Assert.True(await app.Factory.QueryAsync(db => db.LessonCompletions.AnyAsync(c => c.UserId == userId && c.LessonId == lesson.Id)),
            "the lesson completion is gone");
        var enrolment = await app.Factory.QueryAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.UserId == userId && e.CourseId == lesson.CourseId));
        Assert.Equal(lesson.Id, enrolment.LastLessonId);
    }
}
