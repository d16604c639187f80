using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
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

        // Hangfire keeps its storage and job activator in process-wide statics (JobStorage.Current,
        // JobActivator.Current) and its DI registrations return whatever they hold when first resolved. With two hosts
        // in one process (every test class) a job enqueued by one host could then run in another host's container,
        // against another database. Each host therefore gets its own storage and activator, used everywhere.
        JobStorage? storage = null;
        builder.Services.AddHangfire((services, config) =>
        {
            var storageOptions = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = options.QueuePollInterval,
                // A job whose worker died (kill -9, lost node) is taken again after this, by any node; live workers
                // renew their claim every fifth of it (a storage heartbeat that runs with the server), so a long job
                // is never taken twice while its worker lives. See the Background jobs section of the README.
                InvisibilityTimeout = options.InvisibilityTimeout,
                UseSlidingInvisibilityTimeout = true,
                // A lock row left by a killed node (the schedulers hold theirs for milliseconds) blocks scheduling until then.
                DistributedLockTimeout = options.DistributedLockTimeout,
            };
            storage = new PostgreSqlStorage(
                new NpgsqlConnectionFactory(services.GetRequiredService<DatabaseConnection>().ConnectionString, storageOptions),
                storageOptions);
            config
                .UseLogProvider(new HostLogProvider(services.GetRequiredService<ILoggerFactory>()))
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseStorage(storage);
        });
        builder.Services.AddSingleton<JobStorage>(services =>
        {
            // Resolving the configuration runs the callback above (once per host), which creates the storage.
            services.GetRequiredService<IGlobalConfiguration>();
            return storage!;
        });

        // Commands (migrate, import) share the container but must not start processing jobs.
        if (runServer && options.RunServer)
        {
            builder.Services.AddHangfireServer((services, server) =>
            {
                server.WorkerCount = options.WorkerCount;
                server.SchedulePollingInterval = options.SchedulePollingInterval;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                server.Activator = new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>());
            });
            builder.Services.AddHostedService<RecurringJobs>();
        }

        return builder;
    }
}
