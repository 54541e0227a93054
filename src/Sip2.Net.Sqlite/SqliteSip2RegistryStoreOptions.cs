using System;

namespace Sip2.Net.Sqlite;

/// <summary>Settings of a <see cref="SqliteSip2RegistryStore"/> beyond its file.</summary>
public sealed record SqliteSip2RegistryStoreOptions
{
    /// <summary>
    /// How long a write waits for another connection's write to finish (SQLite's busy timeout) before it fails with
    /// <see cref="Sip2.Net.Access.Sip2RegistryStoreUnavailableException"/>, rounded up to whole seconds (at least one).
    /// Default: 5 seconds.
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
