using Microsoft.AspNetCore.Authorization;

namespace RightsAcademy.Web.Features.Accounts;

/// <summary>
/// An admin can change every account and municipality, so an admin session must have been opened with a second
/// factor: Identity marks such a sign-in with the claim amr=mfa. An admin session without it (no authenticator set up
/// yet, or a role granted since) is sent to set one up before any page that is not anonymous.
/// </summary>
internal sealed class AdminTwoFactorMiddleware(RequestDelegate next)
{
    public const string SetupPath = "/account/two-factor";

    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var user = context.User;
        if (endpoint is null
            || user.Identity?.IsAuthenticated != true
            || !user.IsInRole(Roles.Admin)
            || user.HasClaim(AppClaims.AuthenticationMethod, AppClaims.MultiFactor)
            || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || endpoint.Metadata.GetMetadata<AllowedWithoutTwoFactorAttribute>() is not null)
        {
            return next(context);
        }

        context.Response.Redirect($"{SetupPath}?returnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}");
        return Task.CompletedTask;
    }
}
