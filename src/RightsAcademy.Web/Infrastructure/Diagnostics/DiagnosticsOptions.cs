namespace RightsAcademy.Web.Infrastructure.Diagnostics;

/// <summary>
/// Measuring aids for <c>infra/bench</c>. Both are off unless set: a production site registers nothing for them and
/// pays nothing.
/// </summary>
public sealed class DiagnosticsOptions
{
    public const string Section = "Diagnostics";

    /// <summary>Adds an <c>X-Sql-Commands</c> header to every response: the SQL commands the request ran.</summary>
    public bool CountSqlCommands { get; set; }

    /// <summary>
    /// A folder served at <see cref="StaticBaselinePath"/> by this process: the benchmark's static-file baseline,
    /// the limit of the machine for the same HTML.
    /// </summary>
    public string? StaticBaselineFolder { get; set; }

    public const string StaticBaselinePath = "/bench-static";
}
