using Hangfire;
using Hangfire.PostgreSql;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Infrastructure.BackgroundJobs;

public static class BackgroundJobsServiceCollectionExtensions
{
    public const string DashboardPath = "/admin/jobs";

    public static IHostApplicationBuilder AddBackgroundJobs(this IHostApplicationBuilder builder, bool runServer)
    {
        builder.Services.AddOptions<BackgroundJobOptions>().BindConfiguration(BackgroundJobOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(BackgroundJobOptions.Section).Get<BackgroundJobOptions>()
            ?? new BackgroundJobOptions();

        builder.Services.AddHangfire((services, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                npgsql => npgsql.UseNpgsqlConnection(services.GetRequiredService<DatabaseConnection>().ConnectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = options.QueuePollInterval,
                }));

        // Commands (migrate, import) share the container but must not start processing jobs.
        if (runServer && options.RunServer)
        {
            builder.Services.AddHangfireServer(server =>
            {
                server.WorkerCount = options.WorkerCount;
                server.SchedulePollingInterval = options.SchedulePollingInterval;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        return builder;
    }
}
