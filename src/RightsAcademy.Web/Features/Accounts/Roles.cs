namespace RightsAcademy.Web.Features.Accounts;

public static class Roles
{
    public const string Learner = nameof(Learner);
    public const string Trainer = nameof(Trainer);
    public const string Coordinator = nameof(Coordinator);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [Learner, Trainer, Coordinator, Admin];
}
