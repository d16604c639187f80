using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RightsAcademy.Web.Features.Certificates;

public static class CertificatesServiceCollectionExtensions
{
    /// <summary>The rate-limiter policy of the public verification endpoints (per client address).</summary>
    public const string VerifyRateLimit = "certificate-verification";

    public static IHostApplicationBuilder AddCertificates(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var environment = builder.Environment;
        services.AddOptions<CertificateOptions>()
            .BindConfiguration(CertificateOptions.Section)
            .PostConfigure(options =>
            {
                options.KeyFolder = Path.GetFullPath(options.KeyFolder, environment.ContentRootPath);
                // Development and tests sign for the local site; a real site must say where it is.
                if (string.IsNullOrWhiteSpace(options.IssuerUrl) && !environment.IsProduction())
                {
                    options.IssuerUrl = CertificateOptions.DevelopmentIssuerUrl;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CertificateOptions>, CertificateOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        // Opened on first use, once: the fonts are memory-mapped and shared by every render.
        services.AddSingleton(provider => FontCatalogue.Load(provider.GetRequiredService<IOptions<CertificateOptions>>().Value.FontFolder));
        services.AddSingleton<CertificatePdfRenderer>();

        // A database-backed store registered before this call wins.
        services.TryAddSingleton<IIssuerKeyStore>(provider =>
            new FileIssuerKeyStore(provider.GetRequiredService<IOptions<CertificateOptions>>().Value.KeyFolder));
        services.AddSingleton<IssuerKeys>();
        services.AddSingleton<OpenBadgeCredentialBuilder>();
        services.AddSingleton<CredentialSigner>();
        services.AddSingleton<CredentialVerifier>();

        services.AddScoped<CertificateIssuer>();
        services.AddScoped<CertificateMails>();
        services.AddScoped<CertificateJobs>();
        services.AddScoped<IssueCertificate>();
        services.AddScoped<ReplaceCertificate>();
        services.AddScoped<IssuePendingCertificates>();
        services.AddScoped<RevokeCertificate.Handler>();
        services.AddScoped<ListCertificates.Handler>();
        services.AddScoped<VerifyCertificate.Handler>();

        // Behind a reverse proxy the client address is only right once forwarded headers are applied.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(VerifyRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<CertificateOptions>>().Value.VerificationsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return builder;
    }
}
