using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Authoring;
using RightsAcademy.Web.Features.Certificates;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.ContentImport;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Features.Health;
using RightsAcademy.Web.Features.Sessions;
using RightsAcademy.Web.Features.Notifications;
using RightsAcademy.Web.Features.PersonalData;
using RightsAcademy.Web.Features.Reports;
using RightsAcademy.Web.Infrastructure.BackgroundJobs;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Diagnostics;
using RightsAcademy.Web.Infrastructure.Localization;
using RightsAcademy.Web.Infrastructure.Mail;
using RightsAcademy.Web.Infrastructure.Startup;

// Commands (migrate, seed-demo, content check/import) share the site's configuration and services,
// so a deployment runs exactly the code the site runs; without a command the site starts.
var command = AppCommand.Parse(args);
if (command.NeedsNoHost)
{
    return await command.RunWithoutHostAsync();
}

// Before the host starts its threads: later threads share two malloc arenas (see MallocArenas).
MallocArenas.Limit();

try
{
    var builder = WebApplication.CreateBuilder(command.HostArgs);
    builder.AddData();
    builder.AddAccounts();
    builder.AddLocalisation();
    builder.AddMail();
    builder.AddNotifications();
    builder.AddCourses();
    builder.AddCohorts();
    builder.AddContentImport();
    builder.AddAuthoring();
    builder.AddCertificates();
    builder.AddSessions();
    builder.AddReports();
    builder.AddPersonalData();
    builder.AddBackgroundJobs(runServer: command.IsSite);
    builder.AddWebUi();
    builder.AddHealth();
    builder.AddDiagnostics();

    var app = builder.Build();
    return await command.RunAsync(app);
}
catch (StartupException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}

public partial class Program;
