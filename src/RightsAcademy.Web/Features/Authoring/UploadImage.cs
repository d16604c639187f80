using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>
/// Adds an image to a draft's assets. The type is judged from the bytes (a name or a browser's content type can
/// lie), only PNG, JPEG and WebP pass, SVG is refused (it can carry script), the name is made by the server,
/// and the alt text is required because the Markdown it returns is how the image gets into a lesson.
/// </summary>
public static class UploadImage
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public abstract record Outcome;

    /// <param name="Markdown">The line to paste into a lesson of a module folder.</param>
    public sealed record Uploaded(string Path, string Markdown) : Outcome;

    public sealed record Refused(string Key) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(string courseSlug, byte[] bytes, string altText, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var draft = await db.FindEditableAsync(user, courseSlug, cancellationToken);
            if (draft is null)
            {
                return new NotFound();
            }

            if (bytes.Length > MaxBytes)
            {
                return new Refused("Author.ImageTooLarge");
            }

            var extension = AssetTypes.ImageContentType(bytes) switch
            {
                "image/png" => "png",
                "image/jpeg" => "jpg",
                "image/webp" => "webp",
                _ => null,
            };
            if (extension is null)
            {
                return new Refused(LooksLikeSvg(bytes) ? "Author.ImageSvgRefused" : "Author.ImageRefusedType");
            }

            var path = $"assets/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.{extension}";
            var file = DraftFiles.New(path, bytes, user.UserId(), clock.GetUtcNow());
            file.DraftId = draft.Id;
            db.CourseDraftFiles.Add(file);
            await db.SaveChangesAsync(cancellationToken);
            var alt = altText.Replace('\r', ' ').Replace('\n', ' ').Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Trim();
            return new Uploaded(path, $"![{alt}](../{path})");
        }

        private static bool LooksLikeSvg(byte[] bytes)
        {
            var head = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
            return head.Contains("<svg", StringComparison.OrdinalIgnoreCase);
        }
    }
}
