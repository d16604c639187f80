namespace RightsAcademy.Web.Features.Accounts;

public static class AccountLimits
{
    public const int DisplayNameMaxLength = 200;
    public const int DepartmentMaxLength = 200;
    public const int EmailMaxLength = 256;
}
