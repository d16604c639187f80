using Microsoft.Extensions.Options;
using RightsAcademy.Web.Features.Certificates;

namespace RightsAcademy.Web.Features.Notifications;

/// <summary>
/// Absolute links for mail written outside a request (jobs). The site's public address is the one certificates
/// already require (Certificates:IssuerUrl), so a deployment states it once.
/// </summary>
public sealed class SiteAddress(IOptions<CertificateOptions> options)
{
    public Uri Base => new(options.Value.IssuerUrl ?? throw new InvalidOperationException("Setting Certificates:IssuerUrl is not set."));

    public string Link(string relative) => new Uri(Base, relative.TrimStart('/')).AbsoluteUri;
}
