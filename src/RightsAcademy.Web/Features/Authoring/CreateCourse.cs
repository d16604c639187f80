using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>Starts a course in the browser: a course.md in the content format, its creator its first owner.
/// It has errors (no modules yet) until modules and lessons are added, so it cannot be published empty.</summary>
public static class CreateCourse
{
    public sealed record Result(string? Slug, IReadOnlyList<(string Field, string Key)> Errors);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(CreateCourseForm form, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var slug = form.Slug.Trim();
            var errors = new List<(string, string)>();
            if (!Slugs.IsSlug(slug)) errors.Add((nameof(form.Slug), "Author.SlugRule"));
            else if (await db.CourseDrafts.AnyAsync(d => d.Slug == slug, cancellationToken) || await db.Courses.AnyAsync(c => c.Slug == slug, cancellationToken))
                errors.Add((nameof(form.Slug), "Author.SlugTaken"));
            if (!LanguageCodes.IsKnown(form.Language)) errors.Add((nameof(form.Language), "Validation.Invalid"));
            if (errors.Count > 0)
            {
                return new Result(null, errors);
            }

            var now = clock.GetUtcNow();
            var userId = user.UserId()!.Value;
            var text = PageDocument.Compose(new PageForm
            {
                Title = form.Title,
                Summary = form.Summary,
                OtherFrontMatter = $"themes: [human-rights]\nlanguage: {form.Language}\nlanguages: [{form.Language}]\nestimated_hours: 1\nlevel: introductory\nenrolment: open",
                Body = "",
            });
            var draft = new CourseDraft { Slug = slug, CreatedUtc = now, CreatedById = userId };
            draft.Owners.Add(new CourseOwner { UserId = userId, AddedUtc = now });
            draft.Files.Add(DraftFiles.New("course.md", DraftCompiler.Bytes(text), userId, now));
            db.CourseDrafts.Add(draft);
            await db.SaveChangesAsync(cancellationToken);
            return new Result(slug, []);
        }
    }
}
