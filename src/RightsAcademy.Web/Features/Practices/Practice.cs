namespace RightsAcademy.Web.Features.Practices;

/// <summary>
/// A local practice a municipality shared, usually at a peer-exchange session, published in the practice library
/// (<c>/practices</c>) for all signed-in staff. City and country are stored with it (not only through the
/// municipality) so the library can filter on them and keep them if a municipality is renamed.
/// </summary>
public sealed class Practice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The session where it was presented, if any.</summary>
    public Guid? SessionId { get; set; }

    public Guid MunicipalityId { get; set; }

    public required string Title { get; set; }

    public required string City { get; set; }

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public required string Country { get; set; }

    public required string Theme { get; set; }

    public required string SummaryMarkdown { get; set; }

    public required string SummaryHtml { get; set; }

    public required string WhatWorkedMarkdown { get; set; }

    public required string WhatWorkedHtml { get; set; }

    /// <summary>Who to ask about it (a name, a role, an address): plain text, published as written.</summary>
    public required string Contact { get; set; }

    public Guid PublishedById { get; set; }

    public DateTimeOffset PublishedUtc { get; set; }
}
