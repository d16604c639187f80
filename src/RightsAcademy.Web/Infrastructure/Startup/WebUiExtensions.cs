using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.ResponseCompression;
using RightsAcademy.Web.Features.Health;
using RightsAcademy.Web.Infrastructure.BackgroundJobs;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Diagnostics;
using RightsAcademy.Web.Infrastructure.Security;
using RightsAcademy.Web.Infrastructure.Time;

namespace RightsAcademy.Web.Infrastructure.Startup;

public static class WebUiExtensions
{
    public static IHostApplicationBuilder AddWebUi(this IHostApplicationBuilder builder)
    {
        builder.Services
            .AddControllersWithViews(options =>
            {
                // Every unsafe method in the app checks the antiforgery token; no action can forget it.
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            })
            // Validation happens on the server (pages work without JavaScript): no data-val-* attributes to ship.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        builder.Services.Configure<RazorViewEngineOptions>(o => o.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ra.xsrf";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__xsrf";
        });
        builder.Services.AddRouting(o => o.LowercaseUrls = true);
        // A year, as ASVS asks; only sent over HTTPS, and not in Development (localhost is excluded anyway).
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Names and content in Arabic, Korean or Devanagari are written as characters, not &#x...; entities:
        // readable markup and pages a third the size for non-Latin text.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ViewerClock>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<PageConcurrencyOptions>().BindConfiguration(PageConcurrencyOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.AddReverseProxy();
        return builder;
    }

    public static WebApplication UseWebUi(this WebApplication app)
    {
        // First: everything after it (HSTS, cookies, rate limits, logs) must see the client's scheme and address.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            // PostgreSQL gone (stopped, restarting, unreachable) is "come back in a minute", not a bug: 503, and the
            // error page says so. DatabaseCircuit logs one line per outage instead of a stack trace per request.
            StatusCodeSelector = ex => DatabaseFailures.IsUnavailable(ex) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            SuppressDiagnosticsCallback = context => DatabaseFailures.IsUnavailable(context.Exception),
        });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<NulCharacterMiddleware>();
        app.UseResponseCompression();
        app.UseMiddleware<VersionedAssetCachingMiddleware>();
        app.UseDiagnostics(); // measuring aids for infra/bench; nothing unless configured
        app.UseRouting();
        app.UseAuthentication();
        // After authentication: the profile's language comes from the sign-in cookie.
        app.UseRequestLocalization();
        app.UseAuthorization();
        // After authorization, so anonymous visitors and refused roles get the usual answers first.
        app.UseMiddleware<Features.Accounts.AdminTwoFactorMiddleware>();
        // After routing, so endpoint policies (certificate verification) apply.
        app.UseRateLimiter();
        // After the rate limiter: a refused request never waits for its turn.
        app.UseMiddleware<PageRequestGate>();
        // Last before the endpoint, so a retry runs only the page again, after authentication and the rest.
        app.UseMiddleware<StaleConnectionRetryMiddleware>();

        app.MapStaticAssets().AllowAnonymous(); // stylesheets are public, also on the sign-in page
        app.MapHealth();
        app.MapHangfireDashboardWithAuthorizationPolicy(
            Policies.Admin,
            BackgroundJobsServiceCollectionExtensions.DashboardPath,
            new DashboardOptions { Authorization = [], AppPath = "/admin", DisplayStorageConnectionString = false });
        app.MapControllers();
        return app;
    }
}
