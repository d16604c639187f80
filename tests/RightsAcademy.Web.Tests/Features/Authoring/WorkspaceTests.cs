using System.Net;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;
using RightsAcademy.Web.Tests.Features.ContentImport;

namespace RightsAcademy.Web.Tests.Features.Authoring;

public sealed class WorkspaceTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<FormClient> SignedInAsync(string email, string role)
    {
        await app.Factory.CreateUserAsync(email, role, app.Municipality.Id);
        var client = app.Factory.CreateFormClient();
        await client.SignInAsync(email);
        return client;
    }

    [Fact]
    public async Task A_trainer_writes_previews_and_publishes_a_lesson_that_a_learner_then_reads()
    {
        using var trainer = await SignedInAsync("writer@example.org", Roles.Trainer);
        await trainer.CreateCourseAsync("right-to-water");
        var module = await trainer.AddModuleAsync("right-to-water", "basics", "Basics");
        Assert.Equal("01-basics/module.md", module);
        var lesson = await trainer.AddLessonAsync("right-to-water", "01-basics", "what-it-means", "What the right means");
        Assert.Equal("01-basics/01-what-it-means.md", lesson);

        var fields = await trainer.EditorFieldsAsync("right-to-water", lesson);
        fields["Form.Body"] = "Water must be **safe** and affordable.\n\n<script>alert(1)</script>\n";
        var preview = await trainer.PostEditorAsync("right-to-water", lesson, fields, intent: "preview");
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("<strong>safe</strong>", previewHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", previewHtml, StringComparison.Ordinal);

        // A preview saves nothing; learners see nothing before publishing.
        Assert.DoesNotContain("safe", (await trainer.EditorFieldsAsync("right-to-water", lesson))["Form.Body"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await trainer.PostEditorAsync("right-to-water", lesson, fields)).StatusCode);
        using var learner = await SignedInAsync("water-learner@example.org", Roles.Learner);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync("/courses/right-to-water")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await trainer.PublishAsync("right-to-water")).StatusCode);
        Assert.Contains("Water and sanitation", await learner.GetPageAsync("/courses/right-to-water"), StringComparison.Ordinal);
        await learner.PostFormAsync("/courses/right-to-water", "/courses/right-to-water/enrol");
        var read = await learner.GetPageAsync("/courses/right-to-water/basics/what-it-means");
        Assert.Contains("<strong>safe</strong>", read, StringComparison.Ordinal);

        // Later drafts stay invisible until published again.
        await trainer.SaveAsync("right-to-water", lesson, f => f["Form.Body"] = "A newer draft text.");
        Assert.DoesNotContain("newer draft", await learner.GetPageAsync("/courses/right-to-water/basics/what-it-means"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_is_refused_while_the_course_has_errors_and_problems_sit_next_to_their_field()
    {
        using var trainer = await SignedInAsync("careful@example.org", Roles.Trainer);
        await trainer.CreateCourseAsync("empty-course");

        var refused = await trainer.PublishAsync("empty-course");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        Assert.Contains("The course has errors and was not published", refusedPage, StringComparison.Ordinal);
        Assert.Contains("the course has no modules", refusedPage, StringComparison.Ordinal);
        Assert.False(await app.Factory.QueryAsync(db => db.Courses.AnyAsync(c => c.Slug == "empty-course")));

        await trainer.AddModuleAsync("empty-course", "basics", "Basics");
        var lesson = await trainer.AddLessonAsync("empty-course", "01-basics", "intro", "Intro");
        var fields = await trainer.EditorFieldsAsync("empty-course", lesson);
        fields["Form.Minutes"] = "900";
        fields["Form.Body"] = "First line.\n\nSee [nowhere](02-missing.md).\n";
        var response = await trainer.PostEditorAsync("empty-course", lesson, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var editor = await trainer.GetPageAsync(Authoring.EditUrl("empty-course", lesson));

        // Each error is in its field's error slot, and the body's names the line in the text area.
        Assert.Matches("id=\"Form_Minutes-error\"[^>]*>[^<]*240", editor);
        Assert.Matches("id=\"Form_Body-error\"[^>]*>Line 3: [^<]*02-missing.md", editor);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await trainer.PublishAsync("empty-course")).StatusCode);
    }

    [Fact]
    public async Task Two_trainers_saving_the_same_lesson_never_overwrite_each_other_silently()
    {
        using var first = await SignedInAsync("first-owner@example.org", Roles.Trainer);
        await first.CreateCourseAsync("shared-course");
        await first.AddModuleAsync("shared-course", "basics", "Basics");
        var lesson = await first.AddLessonAsync("shared-course", "01-basics", "intro", "Intro");
        using var admin = await SignedInAsync("shared-admin@example.org", Roles.Admin);

        var mine = await first.EditorFieldsAsync("shared-course", lesson);
        var theirs = await admin.EditorFieldsAsync("shared-course", lesson);
        theirs["Form.Body"] = "Their careful paragraph.";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostEditorAsync("shared-course", lesson, theirs)).StatusCode);

        mine["Form.Body"] = "My own paragraph.";
        var conflict = await first.PostEditorAsync("shared-course", lesson, mine);
        var page = await conflict.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("Someone else saved this page", page, StringComparison.Ordinal);
        Assert.Contains("Their careful paragraph.", page, StringComparison.Ordinal);
        Assert.Contains("My own paragraph.", page, StringComparison.Ordinal);
        Assert.Contains("Their careful paragraph.", (await first.EditorFieldsAsync("shared-course", lesson))["Form.Body"], StringComparison.Ordinal);

        // Saving from the conflict page is a deliberate choice: it carries their version and now succeeds.
        var resolved = Authoring.Fields(page);
        resolved["Form.Body"] = "Their careful paragraph.\n\nMy own paragraph.";
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostEditorAsync("shared-course", lesson, resolved)).StatusCode);
        Assert.Contains("My own paragraph.", (await admin.EditorFieldsAsync("shared-course", lesson))["Form.Body"], StringComparison.Ordinal);
    }
}
