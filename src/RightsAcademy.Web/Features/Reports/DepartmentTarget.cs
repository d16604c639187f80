namespace RightsAcademy.Web.Features.Reports;

/// <summary>
/// How many people a department of a municipality employs, set by its coordinator: training coverage is measured
/// against this headcount, not against the staff who happen to have an account.
/// </summary>
public sealed class DepartmentTarget
{
    public Guid MunicipalityId { get; set; }

    /// <summary>As written in the staff profiles (<c>AppUser.Department</c>), compared exactly.</summary>
    public required string Department { get; set; }

    public int Headcount { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }
}
