using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Practices;

/// <summary>
/// The practice library, filtered in the database by theme, city and country (case-insensitive; a city matches
/// on any part of its name), newest first, one page at a time.
/// </summary>
public static class SearchPractices
{
    public const int PageSize = 20;

    public sealed record Filter(string? Theme, string? City, string? Country, int Page);

    public sealed record Row(Guid Id, string Title, string City, string Country, string Theme, string Municipality, DateTimeOffset PublishedUtc);

    public sealed record Result(Filter Filter, IReadOnlyList<Row> Rows, int Total, IReadOnlyList<string> Themes, IReadOnlyList<string> Countries)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public sealed record Detail(Guid Id, string Title, string City, string Country, string Theme, string SummaryHtml, string WhatWorkedHtml,
        string Contact, string Municipality, Guid? SessionId, string? SessionTitle, DateTimeOffset PublishedUtc);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result> HandleAsync(Filter filter, CancellationToken cancellationToken)
        {
            var query = db.Practices.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(filter.Theme))
            {
                var theme = filter.Theme.Trim();
                query = query.Where(p => EF.Functions.ILike(p.Theme, theme));
            }

            if (!string.IsNullOrWhiteSpace(filter.City))
            {
                var city = "%" + Escape(filter.City.Trim()) + "%";
                query = query.Where(p => EF.Functions.ILike(p.City, city, "\\"));
            }

            if (!string.IsNullOrWhiteSpace(filter.Country))
            {
                var country = filter.Country.Trim().ToUpperInvariant();
                query = query.Where(p => p.Country == country);
            }

            var total = await query.CountAsync(cancellationToken);
            var page = Math.Max(1, filter.Page);
            var rows = await query.OrderByDescending(p => p.PublishedUtc).ThenBy(p => p.Id).Skip((page - 1) * PageSize).Take(PageSize)
                .Join(db.Municipalities, p => p.MunicipalityId, m => m.Id, (p, m) => new Row(p.Id, p.Title, p.City, p.Country, p.Theme, m.Name, p.PublishedUtc))
                .ToListAsync(cancellationToken);
            var themes = await db.Practices.Select(p => p.Theme).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
            var countries = await db.Practices.Select(p => p.Country).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
            return new Result(filter with { Page = page }, rows, total, themes, countries);
        }

        public Task<Detail?> ShowAsync(Guid id, CancellationToken cancellationToken) =>
            db.Practices.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new Detail(p.Id, p.Title, p.City, p.Country, p.Theme, p.SummaryHtml, p.WhatWorkedHtml, p.Contact,
                    db.Municipalities.Where(m => m.Id == p.MunicipalityId).Select(m => m.Name).First(), p.SessionId,
                    db.ExchangeSessions.Where(s => s.Id == p.SessionId).Select(s => s.Title).FirstOrDefault(), p.PublishedUtc))
                .SingleOrDefaultAsync(cancellationToken);

        private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
    }
}
