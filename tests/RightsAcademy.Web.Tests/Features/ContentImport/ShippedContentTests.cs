using RightsAcademy.Web.Infrastructure.Startup;
using RightsAcademy.Web.Tests.Infrastructure;

namespace RightsAcademy.Web.Tests.Features.ContentImport;

public sealed class ShippedContentTests
{
    [Fact]
    public void The_shipped_content_folder_passes_content_check()
    {
        var folder = Path.Combine(ResourceTests.RepositoryRoot(), "content");
        using var output = new StringWriter();

        var exitCode = ContentCommands.Check(folder, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // Every line but the summary is a problem; an error has no "warning:" after its location.
        var errors = lines[..^1].Where(l => !l.Contains(": warning: ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, "content check found errors:\n" + string.Join('\n', errors));
        Assert.Matches(@"^[1-9]\d* course\(s\) valid, 0 error\(s\), \d+ warning\(s\)\.$", lines[^1]);
        Assert.Equal(0, exitCode);
    }
}
