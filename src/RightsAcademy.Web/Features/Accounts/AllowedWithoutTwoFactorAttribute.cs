namespace RightsAcademy.Web.Features.Accounts;

/// <summary>
/// Marks the few signed-in pages an admin without two-step sign-in may still open: setting it up, and signing out.
/// Every other page sends such an admin to the set-up first (<see cref="AdminTwoFactorMiddleware"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowedWithoutTwoFactorAttribute : Attribute;
