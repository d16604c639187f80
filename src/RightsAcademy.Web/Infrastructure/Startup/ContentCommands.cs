namespace RightsAcademy.Web.Infrastructure.Startup;

internal static class ContentCommands
{
    public static int Check(string folder, TextWriter output)
    {
        output.WriteLine($"content check is not available yet ({folder}).");
        return 2;
    }

    public static async Task<int> ImportAsync(IServiceProvider services, string folder, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        await output.WriteLineAsync($"content import is not available yet ({folder}).");
        return 0;
    }
}
