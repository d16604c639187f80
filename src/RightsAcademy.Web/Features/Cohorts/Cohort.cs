namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>
/// One run of a course for a group of municipalities. Its calendar is kept as local dates in the cohort's time zone
/// (a start "on 3 March" means the same day for everyone); every lesson date is an offset from the start, so moving
/// the start moves the whole plan and a copy keeps it.
/// </summary>
public sealed class Cohort
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CourseId { get; set; }

    public required string Title { get; set; }

    public DateOnly EnrolmentOpensOn { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary>IANA id; the dates above are midnights in this zone.</summary>
    public required string TimeZone { get; set; }

    public int Capacity { get; set; }

    public CohortEnrolmentMode Mode { get; set; }

    /// <summary>Set in join-code mode; unique across cohorts so a code names exactly one cohort.</summary>
    public string? JoinCode { get; set; }

    /// <summary>Written by the lifecycle job from the dates, so lists can filter on it; the dates stay the truth.</summary>
    public CohortStage Stage { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public Guid CreatedById { get; set; }

    public List<CohortMunicipality> Municipalities { get; set; } = [];

    public List<CohortStaff> Staff { get; set; } = [];

    public List<CohortMember> Members { get; set; } = [];

    public List<CohortPace> Pacing { get; set; } = [];
}

public enum CohortEnrolmentMode { Invitation, JoinCode, Open }

public enum CohortStage { Planned, EnrolmentOpen, Running, Closed, Archived }

public sealed class CohortMunicipality
{
    public Guid CohortId { get; set; }

    public Guid MunicipalityId { get; set; }
}

public enum CohortStaffRole { Coordinator, Facilitator }

/// <summary>Who runs the cohort: coordinators manage it, facilitators see its roster.</summary>
public sealed class CohortStaff
{
    public Guid CohortId { get; set; }

    public Guid UserId { get; set; }

    public CohortStaffRole Role { get; set; }
}

public enum CohortMemberStatus { Active, Waitlisted, Left }

/// <summary>A learner's place in a cohort, or on its waitlist (served in order of <see cref="RequestedUtc"/>, then id).</summary>
public sealed class CohortMember
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CohortId { get; set; }

    public Guid UserId { get; set; }

    public CohortMemberStatus Status { get; set; }

    public DateTimeOffset RequestedUtc { get; set; }

    public DateTimeOffset? JoinedUtc { get; set; }

    /// <summary>Other members see name and municipality only; the e-mail address only when the member opts in.</summary>
    public bool ShareEmail { get; set; }
}

/// <summary>
/// Release and due day of a module (LessonId null) or of one lesson (overrides its module), in days after the start.
/// </summary>
public sealed class CohortPace
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CohortId { get; set; }

    public Guid ModuleId { get; set; }

    public Guid? LessonId { get; set; }

    public int ReleaseOffsetDays { get; set; }

    public int? DueOffsetDays { get; set; }
}

/// <summary>
/// A lifecycle step already carried out for a cohort (enrolment opened, started, module released, ...). The primary
/// key makes the lifecycle job idempotent: a second run finds the row and does nothing.
/// </summary>
public sealed class CohortMilestone
{
    public Guid CohortId { get; set; }

    /// <summary>E.g. <c>started</c>, <c>released:{paceId}</c>, <c>due:{paceId}</c>.</summary>
    public required string Key { get; set; }

    public DateTimeOffset ReachedUtc { get; set; }
}
