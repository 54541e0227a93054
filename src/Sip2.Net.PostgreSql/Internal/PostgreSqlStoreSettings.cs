using System;
using Sip2.Net.Storage.Internal;

namespace Sip2.Net.PostgreSql.Internal;

// The configuration section AddPostgreSqlRegistryStore(IConfiguration) binds: ConnectionString and the store's options.
internal sealed class PostgreSqlStoreSettings : IStoreSettings
{
    public string? ConnectionString { get; set; }

    public string? Schema { get; set; }

    public TimeSpan? KeepAliveInterval { get; set; }

    public TimeSpan? ReconnectDelay { get; set; }

    public TimeSpan? MaxReconnectDelay { get; set; }

    public string? Problem(string path) =>
        string.IsNullOrWhiteSpace(ConnectionString) ? $"{path}:ConnectionString is required: an Npgsql connection string."
        : KeepAliveInterval is { } keepAlive && keepAlive <= TimeSpan.Zero ? $"{path}:KeepAliveInterval must be positive."
        : ReconnectDelay is { } delay && delay <= TimeSpan.Zero ? $"{path}:ReconnectDelay must be positive."
        : MaxReconnectDelay is { } max && max < (ReconnectDelay ?? new PostgreSqlSip2RegistryStoreOptions().ReconnectDelay) ? $"{path}:MaxReconnectDelay must be at least ReconnectDelay."
        : null;

    public PostgreSqlSip2RegistryStoreOptions ToOptions()
    {
        var options = new PostgreSqlSip2RegistryStoreOptions();
        return options with
        {
            Schema = Schema ?? options.Schema,
            KeepAliveInterval = KeepAliveInterval ?? options.KeepAliveInterval,
            ReconnectDelay = ReconnectDelay ?? options.ReconnectDelay,
            MaxReconnectDelay = MaxReconnectDelay ?? options.MaxReconnectDelay,
        };
    }
}
