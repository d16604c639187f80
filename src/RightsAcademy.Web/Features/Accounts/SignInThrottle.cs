using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace RightsAcademy.Web.Features.Accounts;

/// <summary>
/// Sign-in is limited twice: per client address by the ASP.NET Core rate limiter (policy <see cref="AddressPolicy"/>,
/// before the form is read), and per account here, because the account is only known once the form is bound.
/// Lockout stops guessing one password after a few failures; these limits stop a flood of attempts from one place,
/// and a slow spread of attempts against one account from many places. Both answer 429 with a friendly page.
/// The counts live in each app node's memory: with N nodes an attacker gets at most N times the limit.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const string AddressPolicy = "sign-in-per-address";

    private readonly PartitionedRateLimiter<string> _perAccount;

    public SignInThrottle(IOptions<AccountOptions> options)
    {
        var settings = options.Value;
        _perAccount = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(account,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.SignInsPerAccount, Window = settings.SignInAccountWindow, QueueLimit = 0 }));
    }

    /// <summary>False when the account has used up its attempts for now.</summary>
    public bool TryAttempt(string account)
    {
        using var lease = _perAccount.AttemptAcquire(account.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _perAccount.Dispose();

    internal static void AddAddressPolicy(RateLimiterOptions limiter) =>
        limiter.AddPolicy(AddressPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            // Behind a reverse proxy the client address is only right once forwarded headers are applied.
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.SignInsPerMinutePerAddress,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
}
