using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Security;

namespace RightsAcademy.Web.Features.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var accountOptions = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();

        services.AddIdentity<AppUser, IdentityRole<Guid>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B): long passphrases in any script are welcome.
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = accountOptions.MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = accountOptions.LockoutDuration;
                options.SignIn.RequireConfirmedAccount = false;
                // Each authenticator code once per account (ASVS 2.8.4); Identity's own provider allows replays.
                options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.Name)
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>();

        // The cookie's per-request check goes through a cheap gate; the real validator is built only when a check is due.
        services.AddScoped<OutageTolerantSecurityStampValidator>();
        services.Replace(ServiceDescriptor.Singleton<ISecurityStampValidator, SecurityStampCheckGate>());

        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = accountOptions.InvitationLifetime);

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "ra.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/account/sign-in";
            cookie.LogoutPath = "/account/sign-out";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
        });
        // After Identity's own post-configuration, which creates the ticket format this wraps.
        services.AddSingleton<TicketCache>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<TicketCache>((cookie, cache) =>
                cookie.TicketDataFormat = new CachingTicketDataFormat(cookie.TicketDataFormat, cache));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Trainer, p => p.RequireRole(Roles.Trainer, Roles.Admin))
            .AddPolicy(Policies.Coordinator, p => p.RequireRole(Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            // Only a safety net: endpoints state their policy; one that forgets still requires sign-in.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Every limit in the app counts per minute: say when to try again.
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            SignInThrottle.AddAddressPolicy(limiter);
        });

        services.AddScoped<AuthenticatorCodeOutcome>();
        services.AddScoped<AccountMails>();
        services.AddScoped<InviteUser.Handler>();
        services.AddScoped<UpdateProfile.Handler>();
        return builder;
    }
}

public static class PasswordRules
{
    public const int MinimumLength = 10;
}
