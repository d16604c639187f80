using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;
using RightsAcademy.Web.Tests.Features.Certificates;

namespace RightsAcademy.Web.Tests.Infrastructure.Security;

/// <summary>
/// Anonymous, learner, trainer, coordinator and admin against every GET endpoint without route parameters. What each
/// should get is worked out from the endpoint's own policy (its role and sign-in requirements), so a new page is
/// checked the day it is added, and a policy that this test cannot read fails it instead of passing silently.
/// </summary>
public sealed class AccessMatrixTests(CertificateFixture app) : IClassFixture<CertificateFixture>
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Visitors = [Anonymous, Roles.Learner, Roles.Trainer, Roles.Coordinator, Roles.Admin];

    [Fact]
    public async Task Every_role_gets_exactly_what_each_page_policy_allows()
    {
        var clients = new Dictionary<string, FormClient>();
        foreach (var visitor in Visitors)
        {
            var client = app.Factory.CreateFormClient();
            if (visitor != Anonymous)
            {
                var email = $"matrix-{visitor.ToLowerInvariant()}@example.org";
                await app.Factory.CreateUserAsync(email, visitor, app.Municipality.Id);
                await client.SignInAsync(email);
            }

            clients[visitor] = client;
        }

        var pages = Endpoints.All(app.Factory)
            .Where(e => Endpoints.Methods(e).Contains("GET") && e.RoutePattern.Parameters.Count == 0)
            .ToList();
        Assert.True(pages.Count >= 15, $"only {pages.Count} pages found");

        var failures = new List<string>();
        var checkedCells = 0;
        foreach (var endpoint in pages)
        {
            var path = Endpoints.Path(endpoint);
            var allowed = await AllowedVisitorsAsync(endpoint);
            if (allowed is null)
            {
                failures.Add($"{path}: its policy has a requirement this test cannot read; teach the test what it means");
                continue;
            }

            foreach (var visitor in Visitors)
            {
                var response = await clients[visitor].GetAsync(path);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";
                checkedCells++;
                if (status >= 500 && path != "/error")
                {
                    failures.Add($"{path} as {visitor}: {status}");
                    continue;
                }

                if (Endpoints.IsAnonymous(endpoint))
                {
                    // Public pages answer everyone; only the access-denied page answers 403 by design.
                    if ((status is 401 or 403 && path != "/account/access-denied") || location.StartsWith("/account/access-denied", StringComparison.Ordinal))
                    {
                        failures.Add($"{path} (anonymous endpoint) as {visitor}: {status} {location}");
                    }

                    continue;
                }

                var expected = visitor == Anonymous ? Outcome.SignIn : allowed.Contains(visitor) ? Outcome.Page : Outcome.Refused;
                var actual = status == 200 ? Outcome.Page
                    : status == 302 && location.StartsWith("/account/sign-in", StringComparison.Ordinal) ? Outcome.SignIn
                    : status == 403 || (status == 302 && location.StartsWith("/account/access-denied", StringComparison.Ordinal)) ? Outcome.Refused
                    : Outcome.Other;
                if (actual != expected)
                {
                    failures.Add($"{path} as {visitor}: expected {expected}, got {status} {location}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCells} cells wrong:\n" + string.Join("\n", failures));
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    private enum Outcome
    {
        Page,
        SignIn,
        Refused,
        Other,
    }

    /// <summary>The signed-in roles an endpoint's policies let in (all policies must pass), or null when one cannot be read.</summary>
    private async Task<HashSet<string>?> AllowedVisitorsAsync(Microsoft.AspNetCore.Routing.RouteEndpoint endpoint)
    {
        var provider = app.Factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var allowed = new HashSet<string>(Visitors.Skip(1));
        var names = Endpoints.Policies(endpoint);
        var policies = new List<AuthorizationPolicy>();
        foreach (var name in names)
        {
            policies.Add(await provider.GetPolicyAsync(name) ?? throw new InvalidOperationException($"Unknown policy {name}."));
        }

        if (names.Count == 0 && !Endpoints.IsAnonymous(endpoint))
        {
            // Endpoints that state only [Authorize] or role lists fall under the default or their roles.
            policies.Add(await provider.GetDefaultPolicyAsync());
        }

        foreach (var requirement in policies.SelectMany(p => p.Requirements))
        {
            switch (requirement)
            {
                case DenyAnonymousAuthorizationRequirement:
                    break;
                case RolesAuthorizationRequirement roles:
                    allowed.IntersectWith(roles.AllowedRoles);
                    break;
                default:
                    return null;
            }
        }

        return allowed;
    }
}
