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

        // The first read decrypts; the next two come from the cache. Whatever a request does to its ticket (the handler
        // sets times when it slides, the stamp check replaces the principal) must not reach the next request.
        var reads = Enumerable.Range(0, 3).Select(_ =>
        {
            var ticket = format.Unprotect(text)!;
            Assert.Equal("amal", ticket.Principal.Identity!.Name);
            Assert.NotEqual(DateTimeOffset.UnixEpoch, ticket.Properties.IssuedUtc);
            Assert.False(ticket.Properties.Items.ContainsKey("changed"));
            Assert.Null(ticket.Principal.FindFirst("added"));
            ticket.Properties.IssuedUtc = DateTimeOffset.UnixEpoch;
            ticket.Properties.Items["changed"] = "yes";
            ((ClaimsIdentity)ticket.Principal.Identity!).AddClaim(new Claim("added", "by a request"));
            return ticket;
        }).ToList();

        Assert.Equal(1, _crypto.Unprotects);
        Assert.NotSame(reads[1].Principal, reads[2].Principal);
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
