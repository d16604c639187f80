using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace RightsAcademy.Web.Infrastructure.Security;

/// <summary>
/// Every signed-in request decrypts and authenticates its sign-in cookie (Data Protection: key derivation, HMAC, AES)
/// and deserialises the ticket, about a quarter of what the cookie costs per request. A browser sends the same cookie
/// string for many requests, so the ticket read from exactly that string is kept for a few minutes: the cryptography
/// has authenticated that exact string once, and the string is the key, so no other value can reach a cached ticket.
/// Everything decided after reading stays per request: the cookie handler checks the ticket's expiry (so a cached
/// ticket expires at the same instant), slides it, and runs the security-stamp check on it. Each request gets its own
/// copy, because those steps change the ticket's properties and principal. Bounded in entries and in age: a key
/// revoked in the key ring stops a cookie within <see cref="Lifetime"/> rather than at once.
/// </summary>
internal sealed class CachingTicketDataFormat(ISecureDataFormat<AuthenticationTicket> inner, TicketCache cache)
    : ISecureDataFormat<AuthenticationTicket>
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public ISecureDataFormat<AuthenticationTicket> Inner => inner;

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        // A purpose (TLS token binding) ties the cookie to more than its text: not cached.
        if (protectedText is null || purpose is not null || protectedText.Length > TicketCache.MaxKeyLength)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        if (cache.Entries.TryGetValue(protectedText, out AuthenticationTicket? known) && known is not null)
        {
            return known.Clone();
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket is not null)
        {
            cache.Entries.Set(protectedText, ticket.Clone(), new MemoryCacheEntryOptions
            {
                Size = 1,
                AbsoluteExpirationRelativeToNow = Lifetime,
            });
        }

        return ticket;
    }
}

/// <summary>
/// The tickets of <see cref="CachingTicketDataFormat"/>: at most <see cref="Capacity"/> (a ticket and its cookie text are
/// a few kilobytes, so about 10 MB when full; the site's peak memory is close to its 500 MB target).
/// </summary>
internal sealed class TicketCache : IDisposable
{
    public const int Capacity = 2_000;

    /// <summary>Our cookies are about 1,300 characters; a much longer one is not worth keeping.</summary>
    public const int MaxKeyLength = 8_192;

    public MemoryCache Entries { get; } = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public void Dispose() => Entries.Dispose();
}
