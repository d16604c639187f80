using System.Net;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Infrastructure.Security;

public sealed class AntiforgeryTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>Unsafe endpoints deliberately without the app's antiforgery check, each with its reason.</summary>
    private static readonly Dictionary<string, string> Exempt = new(StringComparer.Ordinal)
    {
        ["/unsubscribe/{token}"] = "RFC 8058 one-click unsubscribe: mailbox providers POST without a session or form; the signed token in the address is the proof, and it only stops one mail category",
    };

    private static readonly string[] UnsafeMethods = ["POST", "PUT", "PATCH", "DELETE"];

    [Fact]
    public async Task Every_unsafe_endpoint_refuses_a_request_without_the_token_even_from_a_signed_in_admin()
    {
        await app.Factory.CreateUserAsync("csrf-admin@example.org", Roles.Admin, app.Municipality.Id);
        using var admin = app.Factory.CreateFormClient();
        await admin.SignInAsync("csrf-admin@example.org");
        // A cross-site form post carries the victim's cookies (the antiforgery cookie too) but not the form token.
        await admin.GetPageAsync("/account/profile");

        var unsafeEndpoints = Endpoints.All(app.Factory)
            .SelectMany(e => Endpoints.Methods(e).Intersect(UnsafeMethods).Select(m => (Method: m, Endpoint: e)))
            .ToList();
        Assert.Contains(unsafeEndpoints, u => Endpoints.Path(u.Endpoint) == "/account/sign-in");

        var unprotected = new List<string>();
        foreach (var (method, endpoint) in unsafeEndpoints)
        {
            var path = Endpoints.Path(endpoint);
            if (Exempt.ContainsKey(path))
            {
                continue;
            }

            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(Endpoints.Fill(endpoint), UriKind.Relative))
            {
                Content = new FormUrlEncodedContent([new("anything", "x")]),
            };
            var response = await admin.Http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                unprotected.Add($"{method} {path} answered {(int)response.StatusCode}");
            }
        }

        Assert.True(unprotected.Count == 0, "Unsafe endpoints that did not refuse a missing token: " + string.Join("; ", unprotected));
    }

    [Fact]
    public async Task A_token_from_another_session_is_refused()
    {
        await app.Factory.CreateUserAsync("csrf-victim@example.org", Roles.Learner, app.Municipality.Id);
        using var attacker = app.Factory.CreateFormClient();
        var foreignToken = FormClient.AntiforgeryToken(await attacker.GetPageAsync("/account/sign-in"))!;
        using var victim = app.Factory.CreateFormClient();
        await victim.SignInAsync("csrf-victim@example.org");

        using var content = new FormUrlEncodedContent([new("Form.DisplayName", "Pwned"), new("Form.Language", "en"), new("Form.TimeZone", "UTC"), new("__xsrf", foreignToken)]);
        var response = await victim.Http.PostAsync(new Uri("/account/profile", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Pwned", await victim.GetPageAsync("/account/profile"), StringComparison.Ordinal);
    }
}
