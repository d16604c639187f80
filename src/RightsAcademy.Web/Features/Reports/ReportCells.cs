using System.Globalization;
using Microsoft.Extensions.Localization;

namespace RightsAcademy.Web.Features.Reports;

/// <summary>
/// Formats figures for one report and applies the small-group rule: across municipalities any count of fewer than
/// five people, and any rate or median computed from such a group, reads "fewer than 5". Within one municipality the
/// coordinator sees exact figures.
/// </summary>
public sealed class ReportCells(IStringLocalizer<SharedResource> t, bool suppress)
{
    public bool Suppresses => suppress;

    public ReportCell Text(string text) => new(text, text, Numeric: false);

    public ReportCell Count(int people) =>
        Hidden(people) ? FewerThan() : new(people.ToString("N0", CultureInfo.CurrentCulture), people.ToString(CultureInfo.InvariantCulture));

    /// <summary>A count that is a target someone typed, not a group of people: never suppressed.</summary>
    public ReportCell Number(int value) => new(value.ToString("N0", CultureInfo.CurrentCulture), value.ToString(CultureInfo.InvariantCulture));

    /// <summary><paramref name="part"/> of <paramref name="whole"/> people as a percentage; both must be large enough to show.</summary>
    public ReportCell Rate(int part, int whole)
    {
        // Checked first: even "not applicable" would tell that a small group is empty.
        if (Hidden(part) || Hidden(whole))
        {
            return FewerThan();
        }

        if (whole == 0)
        {
            return NotApplicable();
        }

        var percent = 100.0 * part / whole;
        return new((percent / 100).ToString("P0", CultureInfo.CurrentCulture), percent.ToString("0.#", CultureInfo.InvariantCulture));
    }

    /// <summary>A share of answers (not people): the caller has checked that enough people gave them.</summary>
    public ReportCell Share(int part, int whole)
    {
        if (whole == 0)
        {
            return NotApplicable();
        }

        var percent = 100.0 * part / whole;
        return new((percent / 100).ToString("P0", CultureInfo.CurrentCulture), percent.ToString("0.#", CultureInfo.InvariantCulture));
    }

    /// <summary>A median over <paramref name="people"/> people.</summary>
    public ReportCell Days(double? days, int people)
    {
        if (Hidden(people))
        {
            return FewerThan();
        }

        return days is null || people == 0
            ? NotApplicable()
            : new(t["Reports.Days", days.Value.ToString("0.#", CultureInfo.CurrentCulture)], days.Value.ToString("0.#", CultureInfo.InvariantCulture));
    }

    public bool Hidden(int people) => suppress && people < ReportScope.SmallGroup;

    private ReportCell FewerThan()
    {
        var text = t["Reports.FewerThan", ReportScope.SmallGroup].Value;
        return new(text, text, Suppressed: true);
    }

    private ReportCell NotApplicable()
    {
        var text = t["Reports.NotApplicable"].Value;
        return new(text, "", Numeric: false);
    }
}
