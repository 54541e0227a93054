namespace Sip2.Net.SampleHost.Configuration;

/// <summary>Sip2:Registry: where the client registrations, branch configurations and custom messages are kept.</summary>
internal sealed class RegistrySettings
{
    /// <summary>InMemory (the default: gone when the host stops), Sqlite (one file) or PostgreSql (shared by instances).</summary>
    public string Provider { get; set; } = "InMemory";

    /// <summary>
    /// For Sqlite, a file path or a Microsoft.Data.Sqlite connection string (default: registry.db next to the
    /// library data file); for PostgreSql, an Npgsql connection string (required).
    /// </summary>
    public string? ConnectionString { get; set; }
}
