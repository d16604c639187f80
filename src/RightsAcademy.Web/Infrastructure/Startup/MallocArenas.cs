using System.Runtime.InteropServices;

namespace RightsAcademy.Web.Infrastructure.Startup;

/// <summary>
/// Caps glibc's malloc arenas at two. glibc gives threads that allocate at the same time arenas of their own, up to
/// eight per core, and keeps what they free for reuse by that arena: Skia and HarfBuzz drawing certificates on several
/// Hangfire worker threads left about 90 MB of such free native memory in the site (anonymous memory 212 MB after 1,000
/// certificates, 126 MB with two arenas, for the same time). The usual remedy is MALLOC_ARENA_MAX=2 in the service's
/// environment; set here, a deployment needs no such setting (one it does set wins). Arenas already in use stay; later
/// threads share the two. Nothing happens off Linux or without glibc.
/// </summary>
internal static class MallocArenas
{
    private const int ArenaMax = -8; // M_ARENA_MAX in glibc's malloc.h

    public static void Limit(int arenas = 2)
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return;
        }

        try
        {
            _ = NativeMethods.mallopt(ArenaMax, arenas);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Another C library (musl): its allocator has no arenas to cap.
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", CallingConvention = CallingConvention.Cdecl)]
        public static extern int mallopt(int param, int value);
    }
}
