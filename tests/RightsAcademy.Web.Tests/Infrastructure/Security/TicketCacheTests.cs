using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using RightsAcademy.Web.Infrastructure.Security;

namespace RightsAcademy.Web.Tests.Infrastructure.Security;

/// <summary>The cache of sign-in tickets in front of Data Protection, on real cryptography (an ephemeral key ring).</summary>
public sealed class TicketCacheTests : IDisposable
{
    private readonly TicketCache _cache = new();
    private readonly CountingFormat _crypto = new(new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("tests")));

    public void Dispose() => _cache.Dispose();

    [Fact]
    public void The_same_cookie_text_is_decrypted_once_and_each_reader_gets_its_own_copy()
    {
        var format = new CachingTicketDataFormat(_crypto, _cache);
        var text = format.Protect(Ticket("amal"));

        var first = format.Unprotect(text)!;
        first.Properties.IssuedUtc = DateTimeOffset.UnixEpoch;
        first.Properties.Items["changed"] = "yes";
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim("added", "by a request"));
        var second = format.Unprotect(text)!;

        Assert.Equal(1, _crypto.Unprotects);
        Assert.Equal("amal", second.Principal.Identity!.Name);
        Assert.NotEqual(DateTimeOffset.UnixEpoch, second.Properties.IssuedUtc);
        Assert.False(second.Properties.Items.ContainsKey("changed"));
        Assert.Null(second.Principal.FindFirst("added"));
        Assert.NotSame(first.Principal, second.Principal);
    }

    [Fact]
    public void A_tampered_or_foreign_cookie_is_refused_every_time_and_never_cached()
    {
        var format = new CachingTicketDataFormat(_crypto, _cache);
        var text = format.Protect(Ticket("amal"));
        var tampered = text[..^4] + (text[^4] == 'A' ? "BBBB" : "AAAA");
        var foreign = new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("tests")).Protect(Ticket("mallory"));

        Assert.Null(format.Unprotect(tampered));
        Assert.Null(format.Unprotect(tampered));
        Assert.Null(format.Unprotect(foreign));
        Assert.Null(format.Unprotect(foreign));

        Assert.Equal(4, _crypto.Unprotects);
        Assert.Equal(0, _cache.Entries.Count);
    }

    [Fact]
    public void Different_cookie_texts_of_the_same_user_are_separate_entries()
    {
        var format = new CachingTicketDataFormat(_crypto, _cache);
        var older = format.Protect(Ticket("amal", DateTimeOffset.UtcNow.AddHours(-1)));
        var newer = format.Protect(Ticket("amal", DateTimeOffset.UtcNow));

        var a = format.Unprotect(older)!;
        var b = format.Unprotect(newer)!;

        Assert.NotEqual(a.Properties.IssuedUtc, b.Properties.IssuedUtc);
        Assert.Equal(2, _cache.Entries.Count);
    }

    [Fact]
    public void The_cache_never_holds_more_than_its_capacity()
    {
        var format = new CachingTicketDataFormat(_crypto, _cache);
        var texts = Enumerable.Range(0, TicketCache.Capacity + 100).Select(i => format.Protect(Ticket($"user{i}"))).ToList();

        foreach (var text in texts)
        {
            Assert.NotNull(format.Unprotect(text));
        }

        Assert.InRange(_cache.Entries.Count, 1, TicketCache.Capacity);
        // Beyond the capacity a ticket is still read, only not kept.
        Assert.Equal("user2099", format.Unprotect(texts[2099])!.Principal.Identity!.Name);
    }

    [Fact]
    public void A_purpose_bound_read_bypasses_the_cache()
    {
        var format = new CachingTicketDataFormat(_crypto, _cache);
        var text = format.Protect(Ticket("amal"), "binding");

        Assert.NotNull(format.Unprotect(text, "binding"));
        Assert.NotNull(format.Unprotect(text, "binding"));
        Assert.Null(format.Unprotect(text));

        Assert.Equal(3, _crypto.Unprotects);
        Assert.Equal(0, _cache.Entries.Count);
    }

    private static AuthenticationTicket Ticket(string name, DateTimeOffset? issued = null)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, "Learner")], "Identity.Application");
        var properties = new AuthenticationProperties { IssuedUtc = issued ?? DateTimeOffset.UtcNow, ExpiresUtc = (issued ?? DateTimeOffset.UtcNow).AddHours(12) };
        return new AuthenticationTicket(new ClaimsPrincipal(identity), properties, "Identity.Application");
    }

    /// <summary>The real format, counting how often the cryptography runs.</summary>
    private sealed class CountingFormat(ISecureDataFormat<AuthenticationTicket> real) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Unprotects { get; private set; }

        public string Protect(AuthenticationTicket data) => real.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => real.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Unprotects++;
            return real.Unprotect(protectedText, purpose);
        }
    }
}
