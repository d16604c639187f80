using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RightsAcademy.Web.Infrastructure.Security;
using RightsAcademy.Web.Infrastructure.Time;

namespace RightsAcademy.Web.Features.Reports;

/// <summary>
/// Where a municipality stands. The Coordinator policy admits coordinators and admins; <see cref="ReportAccess"/>
/// then decides whose figures, and a municipality or cohort outside the viewer's reach answers 404.
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
[Route("reports")]
public sealed class ReportsController(ViewerClock viewerClock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ReportFilter filter, [FromServices] ShowReport.Handler handler, bool saved = false,
        CancellationToken cancellationToken = default)
    {
        var page = await handler.HandleAsync(User, filter, viewerClock.TimeZoneId, cancellationToken);
        return page is null ? NotFound() : View(new ReportsPage(page, new DepartmentTargetForm(), saved));
    }

    [HttpGet("{table}.csv")]
    public async Task<IActionResult> Export(string table, [FromQuery] ReportFilter filter, [FromServices] ShowReport.Handler handler,
        CancellationToken cancellationToken)
    {
        var report = await handler.TableAsync(User, filter, table, viewerClock.TimeZoneId, cancellationToken);
        return report is null ? NotFound() : File(ReportCsv.Write(report), "text/csv; charset=utf-8", $"{report.Id}.csv");
    }

    [HttpPost("targets")]
    public async Task<IActionResult> SetTarget(Guid municipality, [Bind(Prefix = "Target")] DepartmentTargetForm form,
        [FromServices] SetDepartmentTarget.Handler handler, [FromServices] ShowReport.Handler show, CancellationToken cancellationToken)
    {
        var filter = new ReportFilter { Municipality = municipality.ToString() };
        if (!ModelState.IsValid)
        {
            var page = await show.HandleAsync(User, filter, viewerClock.TimeZoneId, cancellationToken);
            return page is null ? NotFound() : View("Index", new ReportsPage(page, form, Saved: false));
        }

        return await handler.HandleAsync(User, municipality, form, cancellationToken)
            ? Redirect($"/reports?municipality={municipality}&saved=true#coverage")
            : NotFound();
    }
}

public sealed record ReportsPage(ShowReport.Page Report, DepartmentTargetForm Target, bool Saved)
{
    public string ExportUrl(string table) =>
        QueryString.Create(Report.Filter.Query().Where(p => !string.IsNullOrEmpty(p.Value))) is var query
            ? $"/reports/{table}.csv{query}"
            : "";
}
