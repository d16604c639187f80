namespace RightsAcademy.Web.Infrastructure.Mail;

/// <summary>A mail already written in its recipient's language, with a plain-text and an HTML part.</summary>
public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string TextBody, string HtmlBody);
