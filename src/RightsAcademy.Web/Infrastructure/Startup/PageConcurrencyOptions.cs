using System.ComponentModel.DataAnnotations;

namespace RightsAcademy.Web.Infrastructure.Startup;

public sealed class PageConcurrencyOptions
{
    public const string Section = "Pages";

    /// <summary>
    /// How many page requests (GET and HEAD to a page) do their work at once on this node; the others wait their turn,
    /// first come, first served. 0: twice the processor count, measured best on 2 cores (README, Performance).
    /// -1: no limit.
    /// </summary>
    [Range(-1, 10_000, ErrorMessage = "Setting Pages:ConcurrentRequests must be -1 (no limit), 0 (twice the processor count) or a number of requests.")]
    public int ConcurrentRequests { get; set; }

    public int? Limit => ConcurrentRequests switch
    {
        < 0 => null,
        0 => 2 * Environment.ProcessorCount,
        var n => n,
    };
}
