using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace Sip2.Net.Server.Internal;

/// <summary>
/// How many connections the process can hold without running out of file descriptors. When the open-file limit is
/// reached, the runtime can no longer create the pipes and sockets it needs for itself and aborts the process; so the
/// server stops taking connections well before: the soft limit, less what is open at start, less a reserve for
/// everything else the process opens (log files, database connections, the runtime's own descriptors).
/// </summary>
internal static class FileDescriptorBudget
{
    private static readonly char[] Space = [' '];

    public static int? ConnectionsAllowed()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return null;
        }

        try
        {
            // /proc/self/limits: "Max open files            1024                 1048576              files"
            var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            var soft = line?.Substring("Max open files".Length).Split(Space, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (soft is null || !long.TryParse(soft, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit))
            {
                return null; // "unlimited"
            }

            var open = Directory.EnumerateFileSystemEntries("/proc/self/fd").Count();
            var reserve = Math.Max(64, limit / 8);
            return (int)Math.Max(1, Math.Min(int.MaxValue, limit - open - reserve));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
