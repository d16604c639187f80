namespace RightsAcademy.Web.Features;

/// <summary>A one-message page (confirmation, expired link, ...): title, text and where to go next.</summary>
public sealed record MessagePage(string Title, string Text, string? LinkUrl = null, string? LinkText = null);
