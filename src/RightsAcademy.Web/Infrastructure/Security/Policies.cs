namespace RightsAcademy.Web.Infrastructure.Security;

/// <summary>
/// Every endpoint names one of these (or is deliberately anonymous); the fallback policy only catches omissions.
/// Higher roles include the lower ones where the work demands it: an admin can do what a coordinator can.
/// </summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string Trainer = nameof(Trainer);
    public const string Coordinator = nameof(Coordinator);
    public const string Admin = nameof(Admin);
}
