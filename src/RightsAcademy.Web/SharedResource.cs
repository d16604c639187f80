namespace RightsAcademy.Web;

/// <summary>Marker for the one resource set (Resources/SharedResource.*.resx) that holds every UI and mail text.</summary>
public sealed class SharedResource;
