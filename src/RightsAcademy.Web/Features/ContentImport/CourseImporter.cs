using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.ContentImport;

/// <summary>
/// Writes compiled courses to PostgreSQL. Safe to repeat (an unchanged course writes nothing), safe for learners
/// (identity by slug, archive instead of delete) and safe with two app nodes (one import at a time, by an
/// advisory lock held for the transaction).
/// </summary>
public sealed class CourseImporter(AppDbContext db, TimeProvider clock)
{
    // Any fixed number shared by every node: pg_advisory_xact_lock serialises the imports that use it.
    private const long ImportLockKey = 0x5241_494D_504F_5254; // "RAIMPORT"

    /// <summary>The problem code of a file course skipped because the browser owns it.</summary>
    public const string BrowserEditedCode = "browser-edited";

    public async Task<ImportReport> ImportAsync(IReadOnlyList<CompiledCourse> courses, IReadOnlyList<CourseProblem> problems,
        bool archiveMissingCourses, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ImportLockKey})", cancellationToken);

            var report = new ImportReport();
            var written = problems.ToList();
            // Courses edited in the browser win over the files: see docs/decisions/0004-browser-edits-win.md.
            var browserEdited = await db.CourseDrafts.Select(d => d.Slug).ToListAsync(cancellationToken);
            foreach (var compiled in courses)
            {
                if (browserEdited.Contains(compiled.Slug))
                {
                    var conflict = await BrowserEditConflictAsync(compiled, cancellationToken);
                    report.Add(compiled.Slug, conflict is null ? ImportOutcome.Unchanged : ImportOutcome.SkippedBrowserEdited);
                    if (conflict is not null)
                    {
                        written.Add(conflict);
                    }

                    continue;
                }

                var outcome = await ImportCourseAsync(compiled, now, cancellationToken);
                report.Add(compiled.Slug, outcome);
            }

            var errorSlugs = problems.Where(p => p.Problem.Severity == ProblemSeverity.Error).Select(p => p.CourseSlug).ToList();
            // An error that names no course (the folder itself was not found or not readable) means the scan cannot
            // tell a deleted course from one it never saw: archiving then would hide the whole catalogue over a typo.
            if (archiveMissingCourses && !errorSlugs.Contains(null))
            {
                var present = courses.Select(c => c.Slug).ToList();
                var skipped = errorSlugs.OfType<string>().ToHashSet();
                // A course that failed validation is not "missing": learners keep the last good version.
                // A course written in the browser has no folder in content/: it is not missing either.
                var gone = await db.Courses.Where(c => c.ArchivedUtc == null && !present.Contains(c.Slug) && !browserEdited.Contains(c.Slug))
                    .ToListAsync(cancellationToken);
                foreach (var course in gone.Where(c => !skipped.Contains(c.Slug)))
                {
                    course.ArchivedUtc = now;
                    report.Add(course.Slug, ImportOutcome.Archived);
                }
            }

            await ReplaceProblemsAsync(written, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return report;
        });
    }

    /// <summary>
    /// Publishes one course compiled from a browser draft, inside the caller's transaction (which also records
    /// the version), under the same lock as file imports so the two never interleave. Import problems of the
    /// content folder are left as they are: they belong to the last file import.
    /// </summary>
    public async Task<ImportOutcome> ImportPublishedAsync(CompiledCourse compiled, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Publishing must run inside the caller's transaction.");
        }

        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ImportLockKey})", cancellationToken);
        var outcome = await ImportCourseAsync(compiled, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    /// <summary>The files differ from what the browser published: say so where trainers look, rather than overwrite.</summary>
    private async Task<CourseProblem?> BrowserEditConflictAsync(CompiledCourse compiled, CancellationToken cancellationToken)
    {
        var publishedHash = await db.Courses.Where(c => c.Slug == compiled.Slug).Select(c => c.ContentHash).SingleOrDefaultAsync(cancellationToken);
        if (publishedHash == compiled.ContentHash)
        {
            return null;
        }

        return new CourseProblem(compiled.Slug, new ContentProblem(compiled.Slug, 1, ProblemSeverity.Warning, BrowserEditedCode,
            $"not imported: this course is edited in the browser at /author/courses/{compiled.Slug}, and browser edits win over the files. " +
            "Export it there and replace the folder with the zip to bring the files up to date."));
    }

    private async Task<ImportOutcome> ImportCourseAsync(CompiledCourse compiled, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var course = await db.Courses
            .Include(c => c.Texts)
            .Include(c => c.Modules).ThenInclude(m => m.Texts)
            .Include(c => c.Modules).ThenInclude(m => m.Lessons).ThenInclude(l => l.Texts)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Slug == compiled.Slug, cancellationToken);

        if (course is not null && course.ContentHash == compiled.ContentHash && course.ArchivedUtc is null)
        {
            return ImportOutcome.Unchanged;
        }

        var outcome = course is null ? ImportOutcome.Created : ImportOutcome.Updated;
        if (course is null)
        {
            course = new Course { Slug = compiled.Slug, DefaultLanguage = compiled.DefaultLanguage, ContentHash = compiled.ContentHash };
            db.Courses.Add(course);
        }

        course.DefaultLanguage = compiled.DefaultLanguage;
        course.Languages = [.. compiled.Languages];
        course.Themes = [.. compiled.Themes];
        course.EstimatedHours = compiled.EstimatedHours;
        course.Level = compiled.Level;
        course.Enrolment = compiled.Enrolment;
        course.RequireAllLessons = compiled.Completion.AllRequiredLessons;
        course.RequireQuizzesPassed = compiled.Completion.QuizzesPassed;
        course.MinSessions = compiled.Completion.MinSessions;
        course.Issuer = compiled.Issuer;
        course.ContentHash = compiled.ContentHash;
        course.ArchivedUtc = null;
        course.ImportedUtc = now;
        PageTexts.Sync(course.Texts, compiled.Texts, () => new CourseText { Language = "", Title = "", Html = "", SourcePath = "", ContentHash = "" });

        foreach (var compiledModule in compiled.Modules)
        {
            var module = course.Modules.SingleOrDefault(m => m.Slug == compiledModule.Slug);
            if (module is null)
            {
                // Added explicitly: found only through the navigation of a tracked course, an entity whose
                // (client-generated) key is already set would be taken for an existing row and updated, not inserted.
                module = new CourseModule { Slug = compiledModule.Slug, CourseId = course.Id };
                db.Add(module);
                course.Modules.Add(module);
            }

            module.Position = compiledModule.Position;
            module.ArchivedUtc = null;
            PageTexts.Sync(module.Texts, compiledModule.Texts, () => new ModuleText { Language = "", Title = "", Html = "", SourcePath = "", ContentHash = "" });
            SyncLessons(course, module, compiledModule, now);
        }

        foreach (var module in course.Modules.Where(m => m.ArchivedUtc is null && compiled.Modules.All(cm => cm.Slug != m.Slug)))
        {
            module.ArchivedUtc = now;
            foreach (var lesson in module.Lessons.Where(l => l.ArchivedUtc is null))
            {
                lesson.ArchivedUtc = now;
            }
        }

        await SyncAssetsAsync(course.Id, compiled.Assets, cancellationToken);
        return outcome;
    }

    private void SyncLessons(Course course, CourseModule module, CompiledModule compiledModule, DateTimeOffset now)
    {
        foreach (var compiledLesson in compiledModule.Lessons)
        {
            var lesson = module.Lessons.SingleOrDefault(l => l.Slug == compiledLesson.Slug);
            if (lesson is null)
            {
                lesson = new Lesson { Slug = compiledLesson.Slug, CourseId = course.Id, ModuleId = module.Id };
                db.Add(lesson);
                module.Lessons.Add(lesson);
            }
            else if (SourceChanged(lesson, compiledLesson, course.DefaultLanguage))
            {
                lesson.Version++;
            }

            lesson.Position = compiledLesson.Position;
            lesson.Kind = compiledLesson.Kind;
            lesson.Minutes = compiledLesson.Minutes;
            lesson.Required = compiledLesson.Required;
            lesson.PassMark = compiledLesson.PassMark;
            lesson.ArchivedUtc = null;
            PageTexts.Sync(lesson.Texts, compiledLesson.Texts,
                () => new LessonText { Language = "", Title = "", Html = "", SourcePath = "", ContentHash = "" },
                (text, page) => text.Questions = [.. page.Questions.Select(q => new QuizQuestionData(q.Id, q.Type, q.QuestionHtml,
                    [.. q.Options.Select(o => new QuizOptionData(o.Id, o.TextHtml, o.FeedbackHtml))], [.. q.Answer]))]);
        }

        foreach (var gone in module.Lessons.Where(l => l.ArchivedUtc is null && compiledModule.Lessons.All(cl => cl.Slug != l.Slug)))
        {
            gone.ArchivedUtc = now;
        }
    }

    private static bool SourceChanged(Lesson lesson, CompiledLesson compiled, string defaultLanguage) =>
        lesson.Texts.SingleOrDefault(t => t.Language == defaultLanguage)?.ContentHash != compiled.Texts.GetValueOrDefault(defaultLanguage)?.ContentHash;

    private async Task SyncAssetsAsync(Guid courseId, IReadOnlyList<CompiledAsset> assets, CancellationToken cancellationToken)
    {
        var existing = await db.CourseAssets.Where(a => a.CourseId == courseId)
            .Select(a => new { a.Path, a.ContentHash }).ToListAsync(cancellationToken);
        var wanted = assets.ToDictionary(a => a.Path, StringComparer.Ordinal);
        var stale = existing.Where(e => !wanted.TryGetValue(e.Path, out var a) || a.ContentHash != e.ContentHash).Select(e => e.Path).ToList();
        if (stale.Count > 0)
        {
            await db.CourseAssets.Where(a => a.CourseId == courseId && stale.Contains(a.Path)).ExecuteDeleteAsync(cancellationToken);
        }

        var kept = existing.Where(e => !stale.Contains(e.Path)).Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        db.CourseAssets.AddRange(assets.Where(a => !kept.Contains(a.Path)).Select(a => new CourseAsset
        {
            CourseId = courseId,
            Path = a.Path,
            ContentType = a.ContentType,
            Bytes = a.Bytes,
            ContentHash = a.ContentHash,
        }));
    }

    private async Task ReplaceProblemsAsync(IReadOnlyList<CourseProblem> problems, DateTimeOffset now, CancellationToken cancellationToken)
    {
        static string Key(string path, int line, string code, string message) => $"{path}\u0001{line}\u0001{code}\u0001{message}";

        var existing = await db.ImportProblems.Select(p => new { p.Path, p.Line, p.Code, p.Message }).ToListAsync(cancellationToken);
        // Compared as sorted lists, not sets: the same problem can occur twice (one broken link written twice on a
        // line), and a set would then never match the stored rows and rewrite them at every import.
        var current = problems.Select(p => Key(p.Problem.Path, p.Problem.Line, p.Problem.Code, p.Problem.Message)).Order(StringComparer.Ordinal);
        var stored = existing.Select(e => Key(e.Path, e.Line, e.Code, e.Message)).Order(StringComparer.Ordinal);
        if (stored.SequenceEqual(current, StringComparer.Ordinal))
        {
            return; // Same problems as last time: nothing to write.
        }

        await db.ImportProblems.ExecuteDeleteAsync(cancellationToken);
        db.ImportProblems.AddRange(problems.Select(p => new ImportProblem
        {
            CourseSlug = p.CourseSlug,
            Path = p.Problem.Path,
            Line = p.Problem.Line,
            IsError = p.Problem.Severity == ProblemSeverity.Error,
            Code = p.Problem.Code,
            Message = p.Problem.Message,
            FoundUtc = now,
        }));
    }
}

public enum ImportOutcome { Created, Updated, Unchanged, Archived, SkippedBrowserEdited }

public sealed class ImportReport
{
    private readonly List<(string Slug, ImportOutcome Outcome)> _courses = [];

    public IReadOnlyList<(string Slug, ImportOutcome Outcome)> Courses => _courses;

    public int Count(ImportOutcome outcome) => _courses.Count(c => c.Outcome == outcome);

    internal void Add(string slug, ImportOutcome outcome) => _courses.Add((slug, outcome));
}

/// <summary>A problem with the course it belongs to (null: the folder itself), known where the course was compiled.</summary>
public sealed record CourseProblem(string? CourseSlug, ContentProblem Problem);
