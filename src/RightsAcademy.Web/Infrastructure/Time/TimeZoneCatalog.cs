namespace RightsAcademy.Web.Infrastructure.Time;

/// <summary>IANA time zone ids as this machine's tz database knows them.</summary>
public static class TimeZoneCatalog
{
    public const string Fallback = "UTC";

    private static readonly Lazy<IReadOnlyList<string>> LazyIds = new(() => TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id)
        .Where(id => id.Contains('/', StringComparison.Ordinal) || id == Fallback)
        .Order(StringComparer.Ordinal)
        .ToList());

    public static IReadOnlyList<string> Ids => LazyIds.Value;

    public static bool IsKnown(string? id) =>
        id is not null && (id == Fallback || Ids.Contains(id, StringComparer.Ordinal));

    public static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
