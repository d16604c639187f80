namespace RightsAcademy.Web.Features.Sessions;

/// <summary>
/// A live peer-exchange session where municipalities share practice on one topic. Its audience is one or several
/// cohorts (<see cref="Cohorts"/>), or every signed-in member of staff when <see cref="OpenToAllStaff"/> is set.
/// The start is stored in UTC with the host's IANA zone beside it, so pages show both and the .ics carries the
/// host's VTIMEZONE. Markdown is rendered and sanitised once, when it is saved, so pages only print stored HTML.
/// </summary>
public sealed class ExchangeSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Title { get; set; }

    public required string AgendaMarkdown { get; set; }

    /// <summary>Sanitised HTML of <see cref="AgendaMarkdown"/>, rendered at save.</summary>
    public required string AgendaHtml { get; set; }

    /// <summary>Open sessions are visible to all signed-in staff; otherwise only to members and staff of <see cref="Cohorts"/>.</summary>
    public bool OpenToAllStaff { get; set; }

    public DateTimeOffset StartUtc { get; set; }

    /// <summary>IANA id of the zone the start was typed in.</summary>
    public required string HostTimeZone { get; set; }

    public TimeSpan Duration { get; set; }

    /// <summary>An https link to an online meeting; null for a session held only at <see cref="Venue"/>.</summary>
    public string? MeetingUrl { get; set; }

    public string? Venue { get; set; }

    /// <summary>Places for "yes" answers; further yes answers go on the waitlist.</summary>
    public int Capacity { get; set; }

    /// <summary>The iCalendar SEQUENCE: raised in the same transaction as every change calendars must pick up.</summary>
    public int Sequence { get; set; }

    public DateTimeOffset? CancelledUtc { get; set; }

    public string? OutcomesMarkdown { get; set; }

    public string? OutcomesHtml { get; set; }

    public DateTimeOffset? OutcomesRecordedUtc { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public Guid CreatedById { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>PostgreSQL's xmin: two coordinators editing at once cannot silently overwrite each other.</summary>
    public uint Version { get; set; }

    public List<ExchangeSessionCohort> Cohorts { get; set; } = [];

    public List<ExchangeSessionFacilitator> Facilitators { get; set; } = [];

    public List<ExchangeSessionMunicipality> PresentingMunicipalities { get; set; } = [];

    public List<ExchangeSessionLesson> PreWork { get; set; } = [];

    public bool IsCancelled => CancelledUtc is not null;

    public DateTimeOffset EndUtc => StartUtc + Duration;
}

public sealed class ExchangeSessionCohort
{
    public Guid SessionId { get; set; }

    public Guid CohortId { get; set; }
}

public sealed class ExchangeSessionFacilitator
{
    public Guid SessionId { get; set; }

    public Guid UserId { get; set; }
}

public sealed class ExchangeSessionMunicipality
{
    public Guid SessionId { get; set; }

    public Guid MunicipalityId { get; set; }
}

/// <summary>A lesson to do before the session, in the order the coordinator listed it.</summary>
public sealed class ExchangeSessionLesson
{
    public Guid SessionId { get; set; }

    public Guid LessonId { get; set; }

    public int Position { get; set; }
}

public enum RsvpAnswer { Yes, No, Maybe, Waitlisted }

/// <summary>
/// One person's answer to a session: unique per session and person. A "yes" beyond capacity becomes
/// <see cref="RsvpAnswer.Waitlisted"/>; places freed are given in order of <see cref="AnsweredUtc"/> (then id).
/// </summary>
public sealed class SessionRsvp
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid SessionId { get; set; }

    public Guid UserId { get; set; }

    public RsvpAnswer Answer { get; set; }

    /// <summary>When the current answer was first asked for; a waitlist is served in this order.</summary>
    public DateTimeOffset AnsweredUtc { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }
}

/// <summary>Whether a person attended a session, as recorded by a facilitator or coordinator afterwards.</summary>
public sealed class SessionAttendance
{
    public Guid SessionId { get; set; }

    public Guid UserId { get; set; }

    public bool Attended { get; set; }

    public Guid RecordedById { get; set; }

    public DateTimeOffset RecordedUtc { get; set; }
}

/// <summary>
/// A personal calendar subscription at <c>/calendar/{token}.ics</c>. Only the SHA-256 of the token is stored, so
/// the database alone cannot be used to read anyone's calendar; revoking keeps the row (and its hash unusable).
/// </summary>
public sealed class CalendarFeed
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    /// <summary>Hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public DateTimeOffset? RevokedUtc { get; set; }
}
