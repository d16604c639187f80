using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Infrastructure;

public sealed class EndpointPolicyTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public void Every_endpoint_states_a_policy_or_is_deliberately_anonymous()
    {
        var endpoints = Endpoints();
        Assert.NotEmpty(endpoints);

        var unstated = endpoints
            // The static-assets file fallback has no metadata of its own: it falls under the sign-in fallback policy.
            .Where(e => !e.Metadata.Any(m => m.GetType().Name == "FallbackMetadata"))
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles)))
            .Select(e => e.DisplayName)
            .ToList();

        Assert.True(unstated.Count == 0, "Endpoints without an explicit policy: " + string.Join(", ", unstated));
    }

    /// <summary>
    /// Deliberate exceptions to antiforgery, each with its reason. Adding one means adding it here, on purpose.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> AntiforgeryExceptions = new Dictionary<string, string>
    {
        // RFC 8058 one-click unsubscribe: mailbox providers POST "List-Unsubscribe=One-Click" with no session and no
        // form; the signed token in the path is the credential and it can only stop one category of one person's mail.
        ["RightsAcademy.Web.Features.Notifications.UnsubscribeController.Stop (RightsAcademy.Web)"] = "RFC 8058 one-click unsubscribe",
    };

    [Fact]
    public void Every_unsafe_action_validates_the_antiforgery_token()
    {
        var mvc = app.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MvcOptions>>().Value;
        Assert.Contains(mvc.Filters, f => f is AutoValidateAntiforgeryTokenAttribute);

        var ignoring = Endpoints()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
            .Where(e => e.Metadata.GetMetadata<IgnoreAntiforgeryTokenAttribute>() is not null)
            .Select(e => e.DisplayName!)
            .Where(name => !AntiforgeryExceptions.ContainsKey(name))
            .ToList();
        Assert.Empty(ignoring);
        Assert.All(AntiforgeryExceptions.Keys, name => Assert.Contains(Endpoints(), e => e.DisplayName == name));
    }

    private List<RouteEndpoint> Endpoints() =>
        [.. app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];
}
