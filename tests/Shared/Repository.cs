using System.IO;

namespace Sip2.Net.TestSupport;

/// <summary>The checkout the tests run from, for tests that read its docs and sources.</summary>
internal static class Repository
{
    /// <summary>The folder holding Sip2.Net.sln, above the test binaries.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sip2.Net.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Sip2.Net.sln not found above the test binaries.");
    }
}
