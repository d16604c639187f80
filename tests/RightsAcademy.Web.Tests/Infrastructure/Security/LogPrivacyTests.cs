using System.Net;
using System.Text.RegularExpressions;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Logging;
using RightsAcademy.Web.Infrastructure.Mail;
using RightsAcademy.Web.Testing;
using RightsAcademy.Web.Tests.Infrastructure.Mail;

namespace RightsAcademy.Web.Tests.Infrastructure.Security;

/// <summary>The real outbox and SMTP delivery, logging more than production does (the app and Identity at Debug).</summary>
public sealed class VerboseLogFixture : MailFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Logging:LogLevel:Default"] = "Debug",
        ["Logging:LogLevel:RightsAcademy"] = "Debug",
        ["Logging:LogLevel:Microsoft.AspNetCore.Identity"] = "Debug",
        ["Logging:LogLevel:Microsoft.AspNetCore.Authentication"] = "Debug",
        ["Logging:LogLevel:Microsoft.AspNetCore.Authorization"] = "Debug",
        ["Logging:LogLevel:Microsoft.AspNetCore.Antiforgery"] = "Debug",
    };
}

public sealed partial class LogPrivacyTests(VerboseLogFixture app) : IClassFixture<VerboseLogFixture>
{
    [Fact]
    public async Task Sign_in_invitation_reset_and_mail_delivery_log_no_address_password_or_token()
    {
        var before = app.Factory.Logs.Entries.Count;
        await app.Factory.CreateUserAsync("log-admin@example.org", Roles.Admin, app.Municipality.Id);
        await app.Factory.CreateUserAsync("log-learner@example.org", Roles.Learner, app.Municipality.Id);
        using var admin = app.CreateFormClient();
        await admin.SignInAsync("log-admin@example.org");

        // Failures log too: a wrong password, an unknown address, a lockout.
        using var stranger = app.CreateFormClient();
        foreach (var email in new[] { "log-learner@example.org", "log-ghost@example.org" })
        {
            for (var i = 0; i < 6; i++)
            {
                await stranger.PostFormAsync("/account/sign-in", "/account/sign-in", ("Email", email), ("Password", "Secret-Guess-" + i));
            }
        }

        var invited = await admin.PostFormAsync("/admin/users/invite", "/admin/users/invite",
            ("Form.Email", "log-invitee@example.org"), ("Form.DisplayName", "Invitee Name"), ("Form.MunicipalityId", app.Municipality.Id.ToString()),
            ("Form.Role", Roles.Learner), ("Form.Language", "fr"));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        await app.DeliverAsync();
        var invitation = Assert.Single(app.Sink.To("log-invitee@example.org")).Message.TextBody!;
        var link = CapturingMailer.LinkIn(new OutgoingMail("", "", "", "", "", invitation, ""));
        using var invitee = app.CreateFormClient();
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);
        var accepted = await invitee.PostFormAsync(link, "/account/accept-invitation",
            ("UserId", query["userId"].ToString()), ("Code", query["code"].ToString()), ("DisplayName", "Invitee Name"),
            ("NewPassword", "invitee private passphrase"), ("ConfirmPassword", "invitee private passphrase"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        await stranger.PostFormAsync("/account/forgot-password", "/account/forgot-password", ("Email", "log-invitee@example.org"));
        await app.DeliverAsync();
        var reset = app.Sink.To("log-invitee@example.org")[^1].Message.TextBody!;
        var resetCode = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(
            new Uri("http://x" + CapturingMailer.LinkIn(new OutgoingMail("", "", "", "", "", reset, ""))).Query)["code"].ToString();

        var logged = app.Factory.Logs.Entries.Skip(before).ToList();
        Assert.True(logged.Count > 5, $"only {logged.Count} entries were logged: is the capture wired?");
        var secrets = new[] { RightsAcademyFactory.Password, "Secret-Guess-", "invitee private passphrase", query["code"].ToString(), resetCode, "Invitee Name" };
        var leaks = logged
            .Where(e => Email().IsMatch(e.ToString()) || secrets.Any(s => e.ToString().Contains(s, StringComparison.Ordinal)))
            .Select(e => e.ToString())
            .ToList();
        Assert.True(leaks.Count == 0, "Personal data or secrets in the logs:\n" + string.Join("\n", leaks.Take(10)));
    }

    [Fact]
    public void Text_from_elsewhere_loses_its_addresses_before_it_is_logged()
    {
        var smtpReply = "550 5.1.1 <omar.mail@example.org>: Recipient address rejected; also cc \"Nour\" nour@exämple.org.";

        var redacted = PersonalData.Redact(smtpReply);

        Assert.DoesNotMatch(Email(), redacted);
        Assert.Contains("550 5.1.1 <[e-mail]>: Recipient address rejected", redacted, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"[^\s<>""']+@[^\s<>""']+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex Email();
}
