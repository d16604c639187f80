namespace RightsAcademy.Web.Features.Municipalities;

/// <summary>A city or local government whose staff learn on the platform; every user belongs to one.</summary>
public sealed class Municipality
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code, upper case.</summary>
    public required string Country { get; set; }

    /// <summary>IANA time zone id, used as the default for the municipality's staff.</summary>
    public required string TimeZone { get; set; }

    public required string DefaultLanguage { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}
