using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace RightsAcademy.Web.Features.Accounts;

/// <summary>
/// The sign-in cookie asks for its security-stamp check on every request, and resolving Identity's validator builds
/// SignInManager, UserManager, the user store and a DbContext with its options each time: half of what a signed-in
/// request cost before any page work (profiled: /healthz/live with the cookie). The validator itself reads the account
/// only once the cookie is older than the validation interval (30 minutes). This gate makes the same test on the same
/// clock and builds the validator only when a check is due; the validator then tests again and reads the stamp, so
/// what is accepted or rejected does not change.
/// </summary>
internal sealed class SecurityStampCheckGate(IOptions<SecurityStampValidatorOptions> options) : ISecurityStampValidator
{
    private readonly SecurityStampValidatorOptions _options = options.Value;

    // The clock Identity's validator reads (Identity sets it from the app's TimeProvider).
    private TimeProvider Clock => _options.TimeProvider ?? TimeProvider.System;

    public Task ValidateAsync(CookieValidatePrincipalContext context) =>
        IsDue(context.Properties.IssuedUtc)
            ? context.HttpContext.RequestServices.GetRequiredService<OutageTolerantSecurityStampValidator>().ValidateAsync(context)
            : Task.CompletedTask;

    /// <summary>Identity's own test: no issue time, or more than the interval since it.</summary>
    public bool IsDue(DateTimeOffset? issuedUtc) =>
        issuedUtc is not { } issued || Clock.GetUtcNow() - issued > _options.ValidationInterval;
}
