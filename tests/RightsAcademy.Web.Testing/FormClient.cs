using System.Net;
using System.Text.RegularExpressions;

namespace RightsAcademy.Web.Testing;

/// <summary>Drives the site the way a browser without JavaScript does: fetch the form, post it with its token.</summary>
public sealed partial class FormClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    /// <summary>Finds the authenticator key of an account, so <see cref="SignInAsync"/> can answer the second step.</summary>
    public Func<string, string?>? AuthenticatorKeyFor { get; init; }

    public async Task<HttpResponseMessage> GetAsync(string url) => await Http.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<string> GetPageAsync(string url)
    {
        var response = await GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        }

        return body;
    }

    /// <summary>Loads <paramref name="pageUrl"/> for its antiforgery token, then posts the fields to <paramref name="actionUrl"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, string actionUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await GetPageAsync(pageUrl);
        var token = AntiforgeryToken(page) ?? throw new InvalidOperationException($"{pageUrl} has no antiforgery token.");
        using var content = new FormUrlEncodedContent(fields.Append(new("__xsrf", token)));
        return await Http.PostAsync(new Uri(actionUrl, UriKind.Relative), content);
    }

    public Task<HttpResponseMessage> PostFormAsync(string pageUrl, string actionUrl, params (string Name, string Value)[] fields) =>
        PostFormAsync(pageUrl, actionUrl, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    public async Task SignInAsync(string email, string password = RightsAcademyFactory.Password)
    {
        var response = await PostFormAsync("/account/sign-in", "/account/sign-in", ("Email", email), ("Password", password));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed with {(int)response.StatusCode}.");
        }

        var next = response.Headers.Location?.OriginalString ?? "";
        if (next.StartsWith("/account/sign-in/two-factor", StringComparison.Ordinal))
        {
            var key = AuthenticatorKeyFor?.Invoke(email) ?? throw new InvalidOperationException($"{email} needs a second step, but its key is unknown.");
            response = await PostFormAsync(next, "/account/sign-in/two-factor", ("Code", await Totp.NextCodeAsync(key)));
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"The second sign-in step as {email} failed with {(int)response.StatusCode}.");
            }
        }
    }

    public static string? AntiforgeryToken(string html) => Token().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("<input[^>]*name=\"__xsrf\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
