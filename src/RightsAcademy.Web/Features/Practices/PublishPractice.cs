using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Practices;

/// <summary>
/// A presenting municipality publishes the practice it shared at a session into the library. The country comes
/// from the municipality; summary and what worked are Markdown, rendered and sanitised once here.
/// </summary>
public static class PublishPractice
{
    public sealed record Result(Guid? PracticeId, bool NotFound = false, bool MunicipalityRefused = false);

    public sealed class Handler(AppDbContext db, SessionMarkdown markdown, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Guid sessionId, PracticeForm form, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var allowed = await PracticeAccess.PublishableMunicipalitiesAsync(db, user, sessionId, cancellationToken);
            if (allowed.Count == 0)
            {
                return new Result(null, NotFound: true);
            }

            if (form.MunicipalityId is not { } municipalityId || !allowed.Contains(municipalityId))
            {
                return new Result(null, MunicipalityRefused: true);
            }

            var country = await db.Municipalities.Where(m => m.Id == municipalityId).Select(m => m.Country).SingleAsync(cancellationToken);
            var practice = new Practice
            {
                SessionId = sessionId,
                MunicipalityId = municipalityId,
                Title = form.Title.Trim(),
                City = form.City.Trim(),
                Country = country,
                Theme = form.Theme.Trim(),
                SummaryMarkdown = form.Summary,
                SummaryHtml = markdown.ToHtml(form.Summary),
                WhatWorkedMarkdown = form.WhatWorked,
                WhatWorkedHtml = markdown.ToHtml(form.WhatWorked),
                Contact = form.Contact.Trim(),
                PublishedById = user.UserId()!.Value,
                PublishedUtc = clock.GetUtcNow(),
            };
            db.Practices.Add(practice);
            await db.SaveChangesAsync(cancellationToken);
            return new Result(practice.Id);
        }
    }
}
