using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Testing;

/// <summary>Peer-exchange sessions written straight to the database, for tests about what happens once one exists.</summary>
public static class SessionSetup
{
    public static async Task<ExchangeSession> CreateSessionAsync(this RightsAcademyFactory factory, Guid createdById, IReadOnlyList<Guid> cohortIds,
        DateTimeOffset? startUtc = null, string title = "Sharing practice", int capacity = 20, string hostTimeZone = "Europe/Vienna",
        bool openToAllStaff = false, IReadOnlyList<Guid>? facilitatorIds = null, IReadOnlyList<Guid>? presentingMunicipalityIds = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var session = new ExchangeSession
        {
            Title = title,
            AgendaMarkdown = "1. Welcome\n2. Practice",
            AgendaHtml = "<ol>\n<li>Welcome</li>\n<li>Practice</li>\n</ol>",
            OpenToAllStaff = openToAllStaff,
            StartUtc = startUtc ?? now.AddDays(7),
            HostTimeZone = hostTimeZone,
            Duration = TimeSpan.FromMinutes(90),
            MeetingUrl = "https://meet.example.org/session",
            Capacity = capacity,
            CreatedUtc = now,
            UpdatedUtc = now,
            CreatedById = createdById,
            Cohorts = [.. cohortIds.Select(c => new ExchangeSessionCohort { CohortId = c })],
            Facilitators = [.. (facilitatorIds ?? []).Select(f => new ExchangeSessionFacilitator { UserId = f })],
            PresentingMunicipalities = [.. (presentingMunicipalityIds ?? []).Select(m => new ExchangeSessionMunicipality { MunicipalityId = m })],
        };
        db.ExchangeSessions.Add(session);
        await db.SaveChangesAsync();
        return session;
    }
}
