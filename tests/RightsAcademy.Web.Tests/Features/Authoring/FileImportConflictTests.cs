using System.Net;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.ContentImport;
using RightsAcademy.Web.Testing;
using RightsAcademy.Web.Tests.Features.ContentImport;

namespace RightsAcademy.Web.Tests.Features.Authoring;

/// <summary>Browser edits win over a later `content import` of the same course, and the conflict is shown.</summary>
public sealed class FileImportConflictTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_file_import_skips_a_browser_edited_course_and_reports_the_conflict_instead_of_overwriting()
    {
        await app.Factory.CreateUserAsync("browser-writer@example.org", Roles.Trainer, app.Municipality.Id);
        using var trainer = app.Factory.CreateFormClient();
        await trainer.SignInAsync("browser-writer@example.org");
        await trainer.CreateCourseAsync("housing-rights", title: "Housing in the browser");
        await trainer.AddModuleAsync("housing-rights", "basics", "Basics");
        var lesson = await trainer.AddLessonAsync("housing-rights", "01-basics", "intro", "Intro");
        await trainer.SaveAsync("housing-rights", lesson, f => f["Form.Body"] = "Written in the browser.");
        Assert.Equal(HttpStatusCode.Redirect, (await trainer.PublishAsync("housing-rights")).StatusCode);

        using var content = new TempContent().AddCourse("housing-rights").AddCourse("file-course");
        var result = await app.Factory.ImportAsync(content.Folder);

        Assert.Equal(ImportOutcome.SkippedBrowserEdited, result.Report.OutcomeOf("housing-rights"));
        Assert.Equal(ImportOutcome.Created, result.Report.OutcomeOf("file-course"));
        var title = await app.Factory.QueryAsync(db => db.CourseTexts.Where(t => t.Language == "en")
            .Join(db.Courses.Where(c => c.Slug == "housing-rights"), t => t.CourseId, c => c.Id, (t, c) => t.Title).SingleAsync());
        Assert.Equal("Housing in the browser", title);
        var problems = await trainer.GetPageAsync("/author/import-problems");
        Assert.Contains(CourseImporter.BrowserEditedCode, await app.Factory.QueryAsync(db => db.ImportProblems.Select(p => p.Code).ToListAsync()));
        Assert.Contains("edited in the browser at /author/courses/housing-rights", problems, StringComparison.Ordinal);

        // The content folder without the course: a browser course is not "missing", so it is not archived.
        content.DeleteCourse("housing-rights");
        await app.Factory.ImportAsync(content.Folder);
        Assert.Null(await app.Factory.QueryAsync(db => db.Courses.Where(c => c.Slug == "housing-rights").Select(c => c.ArchivedUtc).SingleAsync()));
        Assert.DoesNotContain("edited in the browser", await trainer.GetPageAsync("/author/import-problems"), StringComparison.Ordinal);
    }
}
