using System;
using Microsoft.Extensions.Options;

namespace Sip2.Net.PostgreSql.Internal;

// The configuration section AddPostgreSqlRegistryStore(IConfiguration) binds: ConnectionString and the store's options.
internal sealed class PostgreSqlStoreSettings
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

    // Reports the problem of the bound section, its key named, when the host starts (ValidateOnStart).
    internal sealed class Validator(string path) : IValidateOptions<PostgreSqlStoreSettings>
    {
        public ValidateOptionsResult Validate(string? name, PostgreSqlStoreSettings options) =>
            options.Problem(path) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
