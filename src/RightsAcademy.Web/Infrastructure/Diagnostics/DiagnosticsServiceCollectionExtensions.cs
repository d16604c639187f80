using Microsoft.Extensions.FileProviders;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Startup;

namespace RightsAcademy.Web.Infrastructure.Diagnostics;

public static class DiagnosticsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddDiagnostics(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DiagnosticsOptions.Section).Get<DiagnosticsOptions>() ?? new DiagnosticsOptions();
        if (!string.IsNullOrEmpty(options.StaticBaselineFolder) && !Directory.Exists(options.StaticBaselineFolder))
        {
            throw new StartupException($"Setting Diagnostics:StaticBaselineFolder names a folder that does not exist: {options.StaticBaselineFolder}");
        }

        builder.Services.AddSingleton(options);
        // Registered only when asked for: otherwise EF runs without the interceptor at all.
        if (options.CountSqlCommands)
        {
            builder.Services.AddSingleton<SqlCommandCounter>();
            builder.Services.ConfigureDbContext<AppDbContext>((provider, db) => db.AddInterceptors(provider.GetRequiredService<SqlCommandCounter>()));
        }

        return builder;
    }

    /// <summary>Early in the pipeline: the count covers authentication, and the baseline passes the same middleware as pages.</summary>
    public static WebApplication UseDiagnostics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DiagnosticsOptions>();
        if (options.CountSqlCommands)
        {
            app.UseMiddleware<SqlCommandCountingMiddleware>();
        }

        if (!string.IsNullOrEmpty(options.StaticBaselineFolder))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(Path.GetFullPath(options.StaticBaselineFolder)),
                RequestPath = DiagnosticsOptions.StaticBaselinePath,
            });
        }

        return app;
    }
}
