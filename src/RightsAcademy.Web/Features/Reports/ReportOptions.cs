using System.ComponentModel.DataAnnotations;

namespace RightsAcademy.Web.Features.Reports;

public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>
    /// How long computed figures are reused (seconds; 0 computes them for every request). Each view aggregates up to a
    /// million rows, so a minute-old view served at once beats a live one that takes half a second; the page says
    /// when its figures were computed.
    /// </summary>
    [Range(0, 3600, ErrorMessage = "Setting Reports:FiguresCacheSeconds must be between 0 and 3600.")]
    public int FiguresCacheSeconds { get; set; } = 60;

    /// <summary>
    /// The most the cached figures may hold on this node (approximate megabytes). A coordinator's view weighs tens of
    /// kilobytes; the bound only stops many distinct filters from growing the cache without limit.
    /// </summary>
    [Range(1, 1024, ErrorMessage = "Setting Reports:FiguresCacheMegabytes must be between 1 and 1024.")]
    public int FiguresCacheMegabytes { get; set; } = 16;
}
