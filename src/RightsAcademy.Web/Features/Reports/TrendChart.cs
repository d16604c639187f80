using System.Globalization;

namespace RightsAcademy.Web.Features.Reports;

/// <summary>
/// A line chart drawn on the server as SVG geometry (no chart script): one line per series over the weeks. A value
/// hidden by the small-group rule is not drawn, so the line has a gap there, as the table beside it says. In a
/// right-to-left language time runs from right to left, like the reading order of the page and its table.
/// </summary>
public sealed record TrendChart(
    string Title,
    string Description,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<ChartLabel> XLabels,
    IReadOnlyList<ChartLabel> YLabels,
    IReadOnlyList<double> GridLines,
    double PlotLeft,
    double PlotRight,
    double PlotTop,
    double PlotBottom)
{
    public const int Width = 720;
    public const int Height = 280;
    private const double Margin = 16;
    private const double AxisSpace = 52;
    private const double LabelSpace = 44;

    public sealed record Input(string Name, IReadOnlyList<int?> Values);

    public static TrendChart Build(string title, string description, IReadOnlyList<DateOnly> weeks, IReadOnlyList<Input> series, bool rightToLeft)
    {
        var left = rightToLeft ? Margin : AxisSpace;
        var right = Width - (rightToLeft ? AxisSpace : Margin);
        const double top = Margin;
        const double bottom = Height - LabelSpace;
        var max = NiceMaximum(series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).Max());
        var step = weeks.Count > 1 ? (right - left) / (weeks.Count - 1) : 0;

        double X(int i)
        {
            var offset = weeks.Count > 1 ? i * step : (right - left) / 2;
            return rightToLeft ? right - offset : left + offset;
        }

        double Y(int value) => bottom - ((bottom - top) * value / max);

        var lines = series.Select((s, index) =>
        {
            var segments = new List<List<ChartPoint>>();
            List<ChartPoint>? current = null;
            for (var i = 0; i < weeks.Count; i++)
            {
                if (s.Values[i] is not { } value)
                {
                    current = null;
                    continue;
                }

                if (current is null)
                {
                    current = [];
                    segments.Add(current);
                }

                current.Add(new ChartPoint(Math.Round(X(i), 1), Math.Round(Y(value), 1)));
            }

            return new ChartSeries(s.Name, index, [.. segments.Select(p => (IReadOnlyList<ChartPoint>)p)]);
        }).ToList();

        // At most about eight week labels, so they never overlap.
        var every = Math.Max(1, (int)Math.Ceiling(weeks.Count / 8.0));
        var xLabels = weeks.Select((w, i) => (w, i)).Where(x => x.i % every == 0)
            .Select(x => new ChartLabel(Math.Round(X(x.i), 1), bottom + 20, x.w.ToString("d MMM", CultureInfo.CurrentCulture))).ToList();
        var yAxisX = rightToLeft ? right + 8 : left - 8;
        var ticks = Enumerable.Range(0, 5).Select(i => max * i / 4).ToList();
        var yLabels = ticks.Select(v => new ChartLabel(yAxisX, Math.Round(Y(v), 1) + 4, v.ToString("N0", CultureInfo.CurrentCulture))).ToList();
        return new TrendChart(title, description, lines, xLabels, yLabels, [.. ticks.Select(v => Math.Round(Y(v), 1))], left, right, top, bottom);
    }

    /// <summary>A round top for the axis (4, 8, 20, 40, 100, ...) that divides into four labelled steps.</summary>
    private static int NiceMaximum(int value)
    {
        if (value <= 4)
        {
            return 4;
        }

        var magnitude = (int)Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var factor in new[] { 1, 2, 4, 5, 8, 10 })
        {
            var candidate = factor * magnitude;
            if (candidate >= value && candidate % 4 == 0)
            {
                return candidate;
            }
        }

        return (int)Math.Ceiling(value / 4.0) * 4;
    }
}

/// <param name="Index">Position of the series: picks its line style and marker, so lines differ by more than colour.</param>
public sealed record ChartSeries(string Name, int Index, IReadOnlyList<IReadOnlyList<ChartPoint>> Segments)
{
    public string Points(IReadOnlyList<ChartPoint> segment) =>
        string.Join(' ', segment.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X},{p.Y}")));
}

public sealed record ChartPoint(double X, double Y)
{
    public string Cx => X.ToString(CultureInfo.InvariantCulture);

    public string Cy => Y.ToString(CultureInfo.InvariantCulture);
}

public sealed record ChartLabel(double X, double Y, string Text)
{
    public string Px => X.ToString(CultureInfo.InvariantCulture);

    public string Py => Y.ToString(CultureInfo.InvariantCulture);
}

public sealed record ChartMarker(int Index, double X, double Y)
{
    public int Shape => Index % 3;

    public string Triangle => string.Create(CultureInfo.InvariantCulture, $"{X},{Y - 5} {X + 5},{Y + 4} {X - 5},{Y + 4}");

    public string N(double value) => value.ToString(CultureInfo.InvariantCulture);
}
