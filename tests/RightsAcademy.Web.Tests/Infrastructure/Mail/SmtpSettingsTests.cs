using System.Diagnostics;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Tests.Infrastructure.Mail;

public sealed class SmtpSettingsTests
{
    [Fact]
    public void No_host_means_no_smtp_and_is_valid()
    {
        var options = new SmtpOptions();

        Assert.False(options.IsConfigured);
        Assert.True(new SmtpOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(null, null, null, "Smtp:FromAddress is required")]
    [InlineData("Academy <academy@example.org>", null, null, "Smtp:FromAddress must be a single e-mail address")]
    [InlineData("academy@example.org\r\nBcc: x@example.org", null, null, "Smtp:FromAddress must be a single e-mail address")]
    [InlineData("academy@example.org", "user", null, "Smtp:UserName and Smtp:Password must be set together")]
    public void A_host_needs_a_plain_sender_address_and_credentials_in_pairs(string? from, string? user, string? password, string expected)
    {
        var options = new SmtpOptions { Host = "smtp.example.org", FromAddress = from, UserName = user, Password = password };

        var result = new SmtpOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_setting_is_valid_and_names_the_message_id_domain()
    {
        var options = new SmtpOptions { Host = "smtp.example.org", FromAddress = "academy@Rights.Example.org", UserName = "u", Password = "p" };

        Assert.True(new SmtpOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal("rights.example.org", options.MessageIdDomain);
    }

    [Fact]
    public async Task The_app_refuses_to_start_with_a_host_but_no_sender_and_names_the_setting()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RightsAcademy.Web.dll"));
        start.ArgumentList.Add("migrate");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Settings are checked before the database is touched: nothing needs to listen on port 1.
        start.Environment["ConnectionStrings__Default"] = "Host=127.0.0.1;Port=1;Database=x";
        start.Environment["Smtp__Host"] = "smtp.example.org";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("Setting Smtp:FromAddress is required when Smtp:Host is set.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
