using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RightsAcademy.Web.Features.Certificates;

namespace RightsAcademy.Web.Tests.Features.Certificates;

/// <summary>AddCertificates on a bare host (no database): settings are checked at start, and everything resolves and works.</summary>
public sealed class CertificatesRegistrationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ra-cert-host-").FullName;

    [Fact]
    public async Task Everything_resolves_and_the_first_signature_creates_the_key_under_the_content_root()
    {
        using var host = Build("Production", new() { ["Certificates:IssuerUrl"] = "https://academy.example.org/" });
        host.Services.GetRequiredService<IStartupValidator>().Validate();

        var content = Samples.Content("김민준");
        var pdf = host.Services.GetRequiredService<CertificatePdfRenderer>().Render(content, Samples.English);
        var credential = host.Services.GetRequiredService<OpenBadgeCredentialBuilder>()
            .Build(content, Samples.English, new Uri("https://academy.example.org/courses/x"), DateTimeOffset.UtcNow.AddMinutes(-1));
        var jwt = await host.Services.GetRequiredService<CredentialSigner>().SignAsync(credential);
        var jwks = await host.Services.GetRequiredService<IssuerKeys>().GetJwkSetJsonAsync();
        var verification = await host.Services.GetRequiredService<CredentialVerifier>().VerifyAsync(jwt, jwks);

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        Assert.True(verification.IsValid, verification.Reason);
        Assert.True(File.Exists(Path.Combine(_root, ".data", "keys", FileIssuerKeyStore.FirstKeyFile)));
    }

    [Fact]
    public void Production_requires_the_issuer_url()
    {
        using var host = Build("Production", []);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Certificates:IssuerUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_signs_for_the_local_site()
    {
        using var host = Build("Development", []);

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal("http://127.0.0.1:5000/", host.Services.GetRequiredService<IOptions<CertificateOptions>>().Value.IssuerUrl);
    }

    [Theory]
    [InlineData("academy.example.org")]
    [InlineData("ftp://academy.example.org/")]
    [InlineData("https://academy.example.org/?x=1")]
    public void A_malformed_issuer_url_is_refused(string url)
    {
        using var host = Build("Production", new() { ["Certificates:IssuerUrl"] = url });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("absolute http(s) address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_fonts_stop_the_start_naming_the_debian_packages()
    {
        using var host = Build("Production", new()
        {
            ["Certificates:IssuerUrl"] = "https://academy.example.org/",
            ["Certificates:FontFolder"] = Path.Combine(_root, "no-fonts"),
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("fonts-noto-core fonts-noto-cjk", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private IHost Build(string environment, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, ContentRootPath = _root });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCertificates();
        // The issuing, listing and verification services need the app's database, localisation and Hangfire, which
        // this host does not have; these tests are about the core's options, keys and fonts.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true }));
        return builder.Build();
    }
}
