using System.Net;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Authoring;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Authoring;

public sealed class HistoryTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Each_publication_is_a_version_with_a_line_diff_and_an_old_version_can_be_restored_into_the_draft()
    {
        await app.Factory.CreateUserAsync("historian@example.org", Roles.Trainer, app.Municipality.Id);
        using var trainer = app.Factory.CreateFormClient();
        await trainer.SignInAsync("historian@example.org");
        await trainer.CreateCourseAsync("with-history");
        await trainer.AddModuleAsync("with-history", "basics", "Basics");
        var lesson = await trainer.AddLessonAsync("with-history", "01-basics", "intro", "Intro");
        await trainer.SaveAsync("with-history", lesson, f => f["Form.Body"] = "Same first line.\nThe old second line.\n");
        await trainer.PublishAsync("with-history");
        await trainer.SaveAsync("with-history", lesson, f => f["Form.Body"] = "Same first line.\nThe new second line.\n");
        await trainer.PublishAsync("with-history");

        var history = await trainer.GetPageAsync($"/author/courses/with-history/history?path={Uri.EscapeDataString(lesson)}");
        Assert.Contains("Version 2", history, StringComparison.Ordinal);
        Assert.Contains("Version 1", history, StringComparison.Ordinal);

        var diff = await trainer.GetPageAsync($"/author/courses/with-history/history?path={Uri.EscapeDataString(lesson)}&version=2");
        Assert.Matches("diff-removed\"><del>[^<]*<span[^>]*>removed </span>− The old second line.", diff);
        Assert.Matches("diff-added\"><ins>[^<]*<span[^>]*>added </span>\\+ The new second line.", diff);
        Assert.Matches("diff-same\">[^<]*Same first line.</li>", diff);

        var restored = await trainer.PostFormAsync($"/author/courses/with-history/history?path={Uri.EscapeDataString(lesson)}",
            "/author/courses/with-history/restore", ("path", lesson), ("version", "1"));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal("Same first line.\nThe old second line.\n", (await trainer.EditorFieldsAsync("with-history", lesson))["Form.Body"].Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void The_line_diff_keeps_common_lines_and_marks_the_rest()
    {
        var diff = LineDiff.Compare("a\nb\nc\n", "a\nx\nc\nd\n");

        Assert.Equal(
            [new(DiffKind.Same, "a"), new(DiffKind.Removed, "b"), new(DiffKind.Added, "x"), new(DiffKind.Same, "c"), new DiffLine(DiffKind.Added, "d")],
            diff);
    }
}
