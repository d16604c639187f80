namespace RightsAcademy.Web.Features.Sessions;

/// <summary>
/// The default <see cref="ISessionReminders"/> until the notifications feature registers its own (registered with
/// TryAdd, so theirs wins whichever is added first). Calendars still update without it: the .ics and the feed carry
/// the raised SEQUENCE.
/// </summary>
public sealed class NoSessionReminders : ISessionReminders
{
    public Task SessionChangedAsync(Guid sessionId, CancellationToken cancellationToken) => Task.CompletedTask;
}
