using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Content;
using RightsAcademy.Web.Features.ContentImport;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Infrastructure.Startup;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.ContentImport;

/// <summary>
/// The import against real PostgreSQL. Tests in a class run one after another on one database, and every import
/// archives the courses missing from its folder, so each test uses its own course slugs and asserts on them only.
/// </summary>
public sealed class CourseImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Importing_the_same_content_twice_writes_nothing_the_second_time()
    {
        using var content = new TempContent().AddCourse("same-one").AddCourse("same-two")
            .WriteBytes("same-two", "assets/map.png", Png(1))
            .Write("same-two", "01-basics/02-practice.md", TempContent.LessonMd("In practice", "![A map of the city](../assets/map.png)"))
            // A warning, so the problem list has rows that must not be rewritten either.
            .Write("same-two", "01-basics/02-also-practice.md", TempContent.LessonMd("Also in practice"));
        var first = await app.Factory.ImportAsync(content.Folder);
        Assert.Empty(first.Errors);
        Assert.Contains(first.Problems, p => p.Code == ProblemCodes.DuplicateNumber);
        Assert.Equal(ImportOutcome.Created, first.Report.OutcomeOf("same-one"));
        Assert.Equal(ImportOutcome.Created, first.Report.OutcomeOf("same-two"));
        var before = await app.Factory.RowVersionsAsync();
        var importedUtc = await ImportedUtcAsync("same-one", "same-two");

        var second = await app.Factory.ImportAsync(content.Folder);

        Assert.Equal(ImportOutcome.Unchanged, second.Report.OutcomeOf("same-one"));
        Assert.Equal(ImportOutcome.Unchanged, second.Report.OutcomeOf("same-two"));
        Assert.Equal(0, second.Report.Count(ImportOutcome.Created) + second.Report.Count(ImportOutcome.Updated) + second.Report.Count(ImportOutcome.Archived));
        Importing.AssertSameRows(before, await app.Factory.RowVersionsAsync());
        Assert.Equal(importedUtc, await ImportedUtcAsync("same-one", "same-two"));
        Assert.Equal(1, await app.Factory.QueryAsync(db => db.ImportProblems.CountAsync(p => p.Code == ProblemCodes.DuplicateNumber)));
    }

    [Fact]
    public async Task Problems_that_repeat_exactly_are_not_rewritten_either()
    {
        // The same broken link twice on one line gives two equal problems; they must not look like a changed list.
        using var content = new TempContent().AddCourse("twice-broken")
            .Write("twice-broken", "01-basics/02-practice.md", TempContent.LessonMd("In practice", "[a](gone.md) and [a](gone.md)"));
        var first = await app.Factory.ImportAsync(content.Folder);
        Assert.True(first.Errors.Count >= 2, string.Join('\n', first.Problems));
        var before = await app.Factory.RowVersionsAsync();

        await app.Factory.ImportAsync(content.Folder);

        Importing.AssertSameRows(before, await app.Factory.RowVersionsAsync());
    }

    [Fact]
    public async Task A_changed_lesson_gets_a_new_version_and_its_unchanged_translation_turns_stale_until_updated()
    {
        using var content = new TempContent().AddCourse("versions");
        await app.Factory.ImportAsync(content.Folder);

        content.Write("versions", "01-basics/01-intro.md", TempContent.LessonMd("Introduction", "Hello again, with more to say."));
        var changed = await app.Factory.ImportAsync(content.Folder);

        Assert.Equal(ImportOutcome.Updated, changed.Report.OutcomeOf("versions"));
        var intro = await LessonAsync("versions", "intro");
        Assert.Equal(2, intro.Version);
        Assert.Contains("Hello again", intro.Texts.Single(t => t.Language == "en").Html, StringComparison.Ordinal);
        Assert.False(intro.Texts.Single(t => t.Language == "en").IsStale);
        Assert.True(intro.Texts.Single(t => t.Language == "fr").IsStale);
        Assert.Equal(1, (await LessonAsync("versions", "practice")).Version);

        content.Write("versions", "01-basics/01-intro.fr.md", TempContent.LessonMd("Introduction", "Re-bonjour, avec plus à dire."));
        await app.Factory.ImportAsync(content.Folder);

        intro = await LessonAsync("versions", "intro");
        Assert.Equal(2, intro.Version);
        Assert.False(intro.Texts.Single(t => t.Language == "fr").IsStale);
        Assert.Contains("Re-bonjour", intro.Texts.Single(t => t.Language == "fr").Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lessons_and_modules_added_to_an_imported_course_are_inserted_with_their_texts()
    {
        using var content = new TempContent().AddCourse("growing");
        await app.Factory.ImportAsync(content.Folder);

        content.Write("growing", "01-basics/04-more.md", TempContent.LessonMd("One more step", "Further."))
            .Write("growing", "02-advanced/module.md", TempContent.ModuleMd)
            .Write("growing", "02-advanced/01-deeper.md", TempContent.LessonMd("Going deeper", "Deeper."));
        var grown = await app.Factory.ImportAsync(content.Folder);

        Assert.Empty(grown.Errors);
        Assert.Equal(ImportOutcome.Updated, grown.Report.OutcomeOf("growing"));
        Assert.Contains("Further.", (await LessonAsync("growing", "more")).Texts.Single().Html, StringComparison.Ordinal);
        var deeper = await LessonAsync("growing", "deeper");
        Assert.Contains("Deeper.", deeper.Texts.Single().Html, StringComparison.Ordinal);
        Assert.Equal("advanced", await app.Factory.QueryAsync(db => db.Modules.Where(m => m.Id == deeper.ModuleId).Select(m => m.Slug).SingleAsync()));
    }

    [Fact]
    public async Task A_broken_course_is_reported_with_path_and_line_and_skipped_while_the_others_import()
    {
        using var content = new TempContent().AddCourse("fine-course").AddCourse("broken-course")
            .Write("broken-course", "01-basics/02-practice.md", "---\ntitle: In practice\nminutes: lots\n---\nText.\n");

        var result = await app.Factory.ImportAsync(content.Folder);

        Assert.Equal(ImportOutcome.Created, result.Report.OutcomeOf("fine-course"));
        Assert.Null(result.Report.OutcomeOf("broken-course"));
        Assert.False(await app.Factory.QueryAsync(db => db.Courses.AnyAsync(c => c.Slug == "broken-course")));
        var problems = await app.Factory.QueryAsync(db => db.ImportProblems.ToListAsync());
        var problem = Assert.Single(problems);
        Assert.Equal("broken-course", problem.CourseSlug);
        Assert.EndsWith("content/courses/broken-course/01-basics/02-practice.md", problem.Path, StringComparison.Ordinal);
        Assert.Equal(3, problem.Line);
        Assert.True(problem.IsError);
        Assert.Contains("minutes", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_course_that_stops_validating_keeps_its_last_good_version_until_it_is_fixed()
    {
        using var content = new TempContent().AddCourse("keeps-last-good");
        await app.Factory.ImportAsync(content.Folder);
        var good = await CourseAsync("keeps-last-good");

        content.Write("keeps-last-good", "01-basics/01-intro.md", "---\ntitle: Introduction\nminuets: 10\n---\nA typo in a key.\n");
        var broken = await app.Factory.ImportAsync(content.Folder);

        Assert.Null(broken.Report.OutcomeOf("keeps-last-good"));
        Assert.NotEmpty(broken.Errors);
        var kept = await CourseAsync("keeps-last-good");
        Assert.Null(kept.ArchivedUtc);
        Assert.Equal(good.ContentHash, kept.ContentHash);
        Assert.Equal(good.ImportedUtc, kept.ImportedUtc);
        Assert.Equal("<p>Hello.</p>", (await LessonAsync("keeps-last-good", "intro")).Texts.Single(t => t.Language == "en").Html.Trim());
        Assert.True(await app.Factory.QueryAsync(db => db.ImportProblems.AnyAsync(p => p.CourseSlug == "keeps-last-good" && p.IsError)));

        content.Write("keeps-last-good", "01-basics/01-intro.md", TempContent.LessonMd("Introduction", "Fixed."));
        var fixedImport = await app.Factory.ImportAsync(content.Folder);

        Assert.Equal(ImportOutcome.Updated, fixedImport.Report.OutcomeOf("keeps-last-good"));
        Assert.Equal(0, await app.Factory.QueryAsync(db => db.ImportProblems.CountAsync()));
    }

    [Fact]
    public async Task A_course_folder_that_disappears_is_archived_and_comes_back_when_restored()
    {
        using var content = new TempContent().AddCourse("stays").AddCourse("goes-away");
        await app.Factory.ImportAsync(content.Folder);

        content.DeleteCourse("goes-away");
        var result = await app.Factory.ImportAsync(content.Folder);

        Assert.Equal(ImportOutcome.Archived, result.Report.OutcomeOf("goes-away"));
        Assert.Equal(ImportOutcome.Unchanged, result.Report.OutcomeOf("stays"));
        var gone = await CourseAsync("goes-away");
        Assert.NotNull(gone.ArchivedUtc);
        Assert.Equal(3, gone.Modules.Single().Lessons.Count);
        Assert.Null((await CourseAsync("stays")).ArchivedUtc);

        content.AddCourse("goes-away");
        var restored = await app.Factory.ImportAsync(content.Folder);

        Assert.Equal(ImportOutcome.Updated, restored.Report.OutcomeOf("goes-away"));
        Assert.Null((await CourseAsync("goes-away")).ArchivedUtc);
    }

    [Fact]
    public async Task A_mistyped_content_folder_archives_nothing()
    {
        using var content = new TempContent().AddCourse("survives-typo");
        await app.Factory.ImportAsync(content.Folder);

        var result = await app.Factory.ImportAsync(content.Folder + "-typo");

        Assert.Contains(result.Errors, p => p.Code == ProblemCodes.NotFound);
        Assert.Equal(0, result.Report.Count(ImportOutcome.Archived));
        Assert.Null((await CourseAsync("survives-typo")).ArchivedUtc);
        var problem = Assert.Single(await app.Factory.QueryAsync(db => db.ImportProblems.ToListAsync()));
        Assert.Null(problem.CourseSlug);
        Assert.Equal(ProblemCodes.NotFound, problem.Code);
    }

    [Fact]
    public async Task Two_imports_at_once_both_succeed_and_leave_one_copy_of_each_course()
    {
        using var content = new TempContent().AddCourse("parallel-one").AddCourse("parallel-two");
        var (courses, problems) = ContentCommands.Compile(content.Folder);
        Assert.Empty(problems);

        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<CourseImporter>();
            return await importer.ImportAsync(courses, problems, archiveMissingCourses: true);
        }));

        foreach (var slug in new[] { "parallel-one", "parallel-two" })
        {
            Assert.Single(reports, r => r.OutcomeOf(slug) == ImportOutcome.Created);
            Assert.Equal(3, reports.Count(r => r.OutcomeOf(slug) == ImportOutcome.Unchanged));
            Assert.Equal(1, await app.Factory.QueryAsync(db => db.Courses.CountAsync(c => c.Slug == slug)));
            var course = await CourseAsync(slug);
            Assert.Equal(3, await app.Factory.QueryAsync(db => db.Lessons.CountAsync(l => l.CourseId == course.Id)));
            Assert.Equal(1, await app.Factory.QueryAsync(db => db.Modules.CountAsync(m => m.CourseId == course.Id)));
        }
    }

    [Fact]
    public async Task Assets_are_stored_with_type_and_hash_and_a_changed_asset_replaces_the_old_one()
    {
        var map = Png(1);
        using var content = new TempContent().AddCourse("with-assets")
            .WriteBytes("with-assets", "assets/map.png", map)
            .WriteBytes("with-assets", "assets/charter.pdf", "%PDF-1.7\nthe charter"u8.ToArray())
            .Write("with-assets", "01-basics/02-practice.md",
                TempContent.LessonMd("In practice", "![A map of the city](../assets/map.png)\n\n[The charter](../assets/charter.pdf)"));
        await app.Factory.ImportAsync(content.Folder);

        var course = await CourseAsync("with-assets");
        var assets = await AssetsAsync(course.Id);
        Assert.Equal(["assets/charter.pdf", "assets/map.png"], assets.Select(a => a.Path));
        Assert.Equal("application/pdf", assets[0].ContentType);
        Assert.Equal("image/png", assets[1].ContentType);
        Assert.Equal(Sha256(map), assets[1].ContentHash);
        Assert.Equal(map, assets[1].Bytes);

        var newMap = Png(2);
        content.WriteBytes("with-assets", "assets/map.png", newMap)
            .Delete("with-assets", "assets/charter.pdf")
            .Write("with-assets", "01-basics/02-practice.md", TempContent.LessonMd("In practice", "![A map of the city](../assets/map.png)"));
        var result = await app.Factory.ImportAsync(content.Folder);

        Assert.Equal(ImportOutcome.Updated, result.Report.OutcomeOf("with-assets"));
        var replaced = Assert.Single(await AssetsAsync(course.Id));
        Assert.Equal("assets/map.png", replaced.Path);
        Assert.Equal(Sha256(newMap), replaced.ContentHash);
        Assert.Equal(newMap, replaced.Bytes);
        // The page points at the new file: asset URLs carry the hash so browsers never show the old one.
        var html = (await LessonAsync("with-assets", "practice")).Texts.Single().Html;
        Assert.Contains(Sha256(newMap)[..16], html, StringComparison.Ordinal);
        Assert.DoesNotContain(Sha256(map)[..16], html, StringComparison.Ordinal);
    }

    private Task<Course> CourseAsync(string slug) => app.Factory.QueryAsync(db => db.Courses.AsNoTracking()
        .Include(c => c.Modules).ThenInclude(m => m.Lessons)
        .SingleAsync(c => c.Slug == slug));

    private Task<Lesson> LessonAsync(string courseSlug, string lessonSlug) => app.Factory.QueryAsync(db =>
        db.Lessons.AsNoTracking().Include(l => l.Texts)
            .SingleAsync(l => l.Slug == lessonSlug && db.Courses.Any(c => c.Id == l.CourseId && c.Slug == courseSlug)));

    private Task<List<CourseAsset>> AssetsAsync(Guid courseId) => app.Factory.QueryAsync(db =>
        db.CourseAssets.AsNoTracking().Where(a => a.CourseId == courseId).OrderBy(a => a.Path).ToListAsync());

    private Task<List<DateTimeOffset>> ImportedUtcAsync(params string[] slugs) => app.Factory.QueryAsync(db =>
        db.Courses.Where(c => slugs.Contains(c.Slug)).OrderBy(c => c.Slug).Select(c => c.ImportedUtc).ToListAsync());

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A PNG signature followed by a marker byte, so two versions of "the same image" differ.</summary>
    private static byte[] Png(byte marker) => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, marker];
}
