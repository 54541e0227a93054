using System;
using Sip2.Net.Storage.Internal;

namespace Sip2.Net.Sqlite.Internal;

// The configuration section AddSqliteRegistryStore(IConfiguration) binds: ConnectionString and the store's options.
internal sealed class SqliteStoreSettings : IStoreSettings
{
    public string? ConnectionString { get; set; }

    public TimeSpan? BusyTimeout { get; set; }

    public string? Problem(string path) =>
        string.IsNullOrWhiteSpace(ConnectionString) ? $"{path}:ConnectionString is required: a file path or a Microsoft.Data.Sqlite connection string."
        : BusyTimeout is { } busy && busy < TimeSpan.Zero ? $"{path}:BusyTimeout must not be negative."
        : null;

    public SqliteSip2RegistryStoreOptions ToOptions()
    {
        var options = new SqliteSip2RegistryStoreOptions();
        return BusyTimeout is { } busy ? options with { BusyTimeout = busy } : options;
    }
}
