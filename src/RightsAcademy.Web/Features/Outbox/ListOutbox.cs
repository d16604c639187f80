using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Features.Outbox;

/// <summary>The outbox, newest first, optionally one status only, with how many mails are in each status.</summary>
public static class ListOutbox
{
    public const int PageSize = 50;

    public sealed record Query(OutboxStatus? Status, int Page);

    public sealed record Row(Guid Id, DateTimeOffset CreatedUtc, string ToName, string ToAddress, string Language, string Subject,
        OutboxStatus Status, int Attempts, string? LastError);

    public sealed record Page(Query Query, IReadOnlyList<Row> Rows, IReadOnlyDictionary<OutboxStatus, int> Counts, bool HasNext, bool SmtpConfigured)
    {
        public int Total => Counts.Values.Sum();

        public int CountOf(OutboxStatus status) => Counts.GetValueOrDefault(status);
    }

    public sealed class Handler(AppDbContext db, IOptions<SmtpOptions> smtp)
    {
        public async Task<Page> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var page = Math.Max(query.Page, 1);
            var mails = db.OutboxMessages.AsNoTracking();
            if (query.Status is { } status)
            {
                mails = mails.Where(m => m.Status == status);
            }

            var rows = await mails.OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id)
                .Skip((page - 1) * PageSize).Take(PageSize + 1)
                .Select(m => new Row(m.Id, m.CreatedUtc, m.ToName, m.ToAddress, m.Language, m.Subject, m.Status, m.Attempts, m.LastError))
                .ToListAsync(cancellationToken);
            var counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            return new Page(query with { Page = page }, [.. rows.Take(PageSize)], counts, rows.Count > PageSize, smtp.Value.IsConfigured);
        }
    }
}
