using System;
using Microsoft.Extensions.Options;

namespace Sip2.Net.Sqlite.Internal;

// The configuration section AddSqliteRegistryStore(IConfiguration) binds: ConnectionString and the store's options.
internal sealed class SqliteStoreSettings
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

    // Reports the problem of the bound section, its key named, when the host starts (ValidateOnStart).
    internal sealed class Validator(string path) : IValidateOptions<SqliteStoreSettings>
    {
        public ValidateOptionsResult Validate(string? name, SqliteStoreSettings options) =>
            options.Problem(path) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
