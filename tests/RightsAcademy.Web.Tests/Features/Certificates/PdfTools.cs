using System.Diagnostics;
using SkiaSharp;

namespace RightsAcademy.Web.Tests.Features.Certificates;

/// <summary>Poppler's command-line tools, to read a PDF as a PDF reader would. infra/test installs them (poppler-utils).</summary>
internal static class PdfTools
{
    /// <summary>The page's text as poppler extracts it, without the direction marks it wraps right-to-left text in.</summary>
    public static string ExtractText(byte[] pdf)
    {
        var text = Run("pdftotext", pdf, ["-enc", "UTF-8", "{pdf}", "-"], output: null);
        return StripDirectionMarks(text);
    }

    public static string StripDirectionMarks(string text) =>
        new([.. text.Where(c => c is not ('\u200E' or '\u200F') and not (>= '\u202A' and <= '\u202E'))]);

    /// <summary>The first page as a bitmap at <paramref name="dpi"/>.</summary>
    public static SKBitmap RenderPage(byte[] pdf, int dpi)
    {
        var directory = Directory.CreateTempSubdirectory("ra-cert-");
        try
        {
            var prefix = Path.Combine(directory.FullName, "page");
            Run("pdftoppm", pdf, ["-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-singlefile", "{pdf}", prefix], output: null);
            return SKBitmap.Decode(prefix + ".png") ?? throw new InvalidOperationException("pdftoppm wrote no readable PNG.");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    public static string Info(byte[] pdf) => Run("pdfinfo", pdf, ["-enc", "UTF-8", "{pdf}"], output: null);

    public static string Fonts(byte[] pdf) => Run("pdffonts", pdf, ["{pdf}"], output: null);

    private static string Run(string tool, byte[] pdf, string[] arguments, string? output)
    {
        var path = Find(tool);
        var file = Path.Combine(Path.GetTempPath(), $"ra-cert-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument == "{pdf}" ? file : argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill();
                throw new TimeoutException($"{tool} did not finish in 60 s.");
            }

            Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {stderr}");
            return output ?? stdout.Result;
        }
        finally
        {
            File.Delete(file);
        }
    }

    // Failing, not skipping: a missing tool must not let the text checks pass unseen.
    private static string Find(string tool)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"{tool} is not installed. Run infra/test, which installs poppler-utils (or: sudo apt-get install -y poppler-utils).");
        return path!;
    }
}
