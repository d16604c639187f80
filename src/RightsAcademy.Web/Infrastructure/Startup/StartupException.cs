namespace RightsAcademy.Web.Infrastructure.Startup;

/// <summary>
/// A problem an operator can fix (a missing setting, an unreachable database). Its message is printed as one
/// line instead of a stack trace, so it must name what is wrong and how to fix it.
/// </summary>
public sealed class StartupException : Exception
{
    public StartupException(string message) : base(message) { }

    public StartupException(string message, Exception inner) : base(message, inner) { }

    public StartupException() { }
}
