using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RightsAcademy.Web.Infrastructure.BackgroundJobs;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Bench;

/// <summary>infra/bench's helper. Database and mail settings come from the same environment variables as the site's
/// (ConnectionStrings__Default, Smtp__*), so the loads write exactly where the site reads.</summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        const string usage = """
            Usage: RightsAcademy.Bench <command>
              content <folder> [--courses 60] [--lessons 30]   write generated course folders for `content import`
              data [--scale 1] --password <password>           write the data set with COPY (after the import)
              sink --port <port>                               an SMTP server on 127.0.0.1 that accepts and counts
              mails <count>                                    write reminder mails to the outbox; wait until the site sent them
              certificates <count>                             complete enrolments, enqueue issuing; wait until issued
            """;

        if (args.Length == 0)
        {
            Console.Error.WriteLine(usage);
            return 2;
        }

        string Option(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        switch (args[0])
        {
            case "content" when args.Length >= 2:
                ContentGenerator.Write(args[1], int.Parse(Option("--courses", "60"), CultureInfo.InvariantCulture),
                    int.Parse(Option("--lessons", "30"), CultureInfo.InvariantCulture));
                return 0;
            case "data":
            {
                var password = Option("--password", "");
                if (password.Length < 10)
                {
                    Console.Error.WriteLine("--password of at least 10 characters is required.");
                    return 2;
                }

                var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Default")
                    ?? throw new InvalidOperationException("Set ConnectionStrings__Default.");
                var summary = await new DataGenerator(connection, double.Parse(Option("--scale", "1"), CultureInfo.InvariantCulture), password)
                    .RunAsync(Console.Error, stop.Token);
                Console.WriteLine($"municipalities={summary.Municipalities}");
                Console.WriteLine($"users={summary.Users}");
                Console.WriteLine($"enrolments={summary.Enrolments}");
                Console.WriteLine($"completions={summary.Completions}");
                Console.WriteLine($"quiz_attempts={summary.QuizAttempts}");
                Console.WriteLine($"cohorts={summary.Cohorts}");
                Console.WriteLine($"cohort_members={summary.CohortMembers}");
                Console.WriteLine($"sessions={summary.Sessions}");
                Console.WriteLine($"learner={DataGenerator.LearnerEmail}");
                Console.WriteLine($"coordinator={DataGenerator.CoordinatorEmail}");
                Console.WriteLine($"lesson_path={summary.LessonPath}");
                return 0;
            }

            case "sink":
                await SmtpSink.RunAsync(int.Parse(Option("--port", "2525"), CultureInfo.InvariantCulture), Console.Out, stop.Token);
                return 0;
            case "mails" or "certificates" when args.Length >= 2:
            {
                var builder = WebApplication.CreateBuilder([]);
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.Services.AddSingleton(TimeProvider.System);
                builder.AddData();
                builder.AddMail();
                builder.AddBackgroundJobs(runServer: false);
                await using var app = builder.Build();
                var count = int.Parse(args[1], CultureInfo.InvariantCulture);
                return args[0] == "mails"
                    ? await Loads.MailsAsync(app.Services, count, Console.Out, stop.Token)
                    : await Loads.CertificatesAsync(app.Services, count, Console.Out, stop.Token);
            }

            default:
                Console.Error.WriteLine(usage);
                return 2;
        }
    }
}
