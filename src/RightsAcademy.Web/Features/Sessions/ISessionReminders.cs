namespace RightsAcademy.Web.Features.Sessions;

/// <summary>
/// The seam for reminder and change mails about a session. Rescheduling and cancelling call it with the session
/// id after their transaction commits; an implementation reads the session, writes mails through IMailer with a
/// key naming the session and its SEQUENCE (so a retried call sends nothing twice) and attaches the .ics.
/// </summary>
public interface ISessionReminders
{
    Task SessionChangedAsync(Guid sessionId, CancellationToken cancellationToken);
}
