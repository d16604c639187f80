using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>Adds a module (a numbered folder with module.md) or a lesson or quiz (a numbered file) at the end.</summary>
public static class AddPage
{
    public sealed record Result(string? Path, IReadOnlyList<(string Field, string Key)> Errors, bool NotFound = false);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(string courseSlug, AddPageForm form, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var draft = await db.Editable(user).Include(d => d.Files).SingleOrDefaultAsync(d => d.Slug == courseSlug, cancellationToken);
            if (draft is null)
            {
                return new Result(null, [], NotFound: true);
            }

            var slug = form.Name.Trim();
            if (!Slugs.IsSlug(slug))
            {
                return new Result(null, [(nameof(form.Name), "Author.SlugRule")]);
            }

            var isModule = form.Folder.Length == 0;
            var siblings = isModule
                ? draft.Files.Select(f => f.Path.Split('/')).Where(s => s.Length == 2 && s[0] != "assets").Select(s => s[0]).Distinct().ToList()
                : [.. draft.Files.Where(f => f.Path.StartsWith(form.Folder + "/", StringComparison.Ordinal) && DraftPaths.Page(f.Path) is { Kind: DraftPageKind.Lesson, IsTranslation: false })
                    .Select(f => f.Path[(form.Folder.Length + 1)..^3])];
            if (!isModule && !draft.Files.Any(f => f.Path == form.Folder + "/module.md"))
            {
                return new Result(null, [(nameof(form.Folder), "Validation.Invalid")]);
            }

            if (siblings.Any(s => DraftPaths.Slug(s) == slug))
            {
                return new Result(null, [(nameof(form.Name), "Author.SlugTaken")]);
            }

            var number = siblings.Select(s => DraftPaths.Number(s) ?? 0).DefaultIfEmpty(0).Max() + 1;
            if (number > 99)
            {
                return new Result(null, [(nameof(form.Name), "Validation.Invalid")]);
            }

            var name = DraftPaths.Numbered(number, slug);
            var path = isModule ? $"{name}/module.md" : $"{form.Folder}/{name}.md";
            var text = isModule
                ? PageDocument.Compose(new PageForm { Title = form.Title })
                : form.Kind == "quiz"
                    ? PageDocument.Compose(new PageForm { Title = form.Title, Minutes = "10", OtherFrontMatter = "kind: quiz\npass_mark: 70", Body = QuizTemplate })
                    : PageDocument.Compose(new PageForm { Title = form.Title, Minutes = "10" });
            var file = DraftFiles.New(path, DraftCompiler.Bytes(text), user.UserId(), clock.GetUtcNow());
            file.DraftId = draft.Id;
            db.CourseDraftFiles.Add(file);
            await db.SaveChangesAsync(cancellationToken);
            return new Result(path, []);
        }

        private const string QuizTemplate = """
            ```quiz
            id: question-1
            type: single
            question: "?"
            answer: a
            options:
              - id: a
                text: "A"
              - id: b
                text: "B"
            ```
            """;
    }
}
