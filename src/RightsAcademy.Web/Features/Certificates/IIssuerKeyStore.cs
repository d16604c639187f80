namespace RightsAcademy.Web.Features.Certificates;

/// <summary>
/// Where the issuer's signing keys live. The file store serves one machine; a database-backed store can replace it
/// (register another implementation before <c>AddCertificates</c>) so several instances share the keys.
/// </summary>
public interface IIssuerKeyStore
{
    /// <summary>
    /// Every key, oldest first: the last one signs, all of them are published so credentials signed before a
    /// rotation still verify. Creates the first key when there is none, once, even when called concurrently.
    /// </summary>
    Task<IReadOnlyList<IssuerKey>> LoadOrCreateAsync(CancellationToken cancellationToken);
}
