using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Infrastructure.Security;

/// <summary>
/// The app's endpoints as its own endpoint data source lists them, so security tests cover endpoints added after
/// they were written. Expectations come from each endpoint's metadata (policy, anonymity, methods), never from a list.
/// </summary>
public static class Endpoints
{
    public static IReadOnlyList<RouteEndpoint> All(RightsAcademyFactory factory) =>
    [
        .. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // The static-assets fallback and files are not pages.
            .Where(e => !e.Metadata.Any(m => m.GetType().Name is "FallbackMetadata" or "StaticAssetDescriptor")),
    ];

    public static IReadOnlyList<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
            ? [.. methods]
            : ["GET", "POST"];

    public static bool IsAnonymous(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    /// <summary>The policy an endpoint states (the first, if several); null when anonymous or none.</summary>
    public static string? Policy(RouteEndpoint endpoint) =>
        IsAnonymous(endpoint) ? null : endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);

    /// <summary>Every policy the endpoint requires (controller and action attributes add up).</summary>
    public static IReadOnlyList<string> Policies(RouteEndpoint endpoint) =>
        IsAnonymous(endpoint) ? [] : [.. endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct()];

    public static string Path(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');

    /// <summary>The URL with every route parameter filled with a value of the right shape that names nothing that exists.</summary>
    public static string Fill(RouteEndpoint endpoint)
    {
        var segments = new List<string>();
        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            var text = string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => SampleValue(parameter),
                _ => "",
            }));
            segments.Add(text);
        }

        return "/" + string.Join('/', segments);
    }

    private static string SampleValue(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        if (constraints.Any(c => c.StartsWith("guid", StringComparison.Ordinal)))
        {
            return "00000000-0000-0000-0000-00000000beef";
        }

        if (constraints.Any(c => c.StartsWith("int", StringComparison.Ordinal) || c.StartsWith("long", StringComparison.Ordinal)))
        {
            return "987654";
        }

        return parameter.Name.Contains("id", StringComparison.OrdinalIgnoreCase) ? "00000000-0000-0000-0000-00000000beef" : "no-such-thing";
    }
}
