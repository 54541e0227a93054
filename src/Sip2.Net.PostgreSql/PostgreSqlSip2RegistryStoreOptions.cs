using System;

namespace Sip2.Net.PostgreSql;

/// <summary>Settings of a <see cref="PostgreSqlSip2RegistryStore"/> beyond its connection string.</summary>
public sealed record PostgreSqlSip2RegistryStoreOptions
{
    /// <summary>
    /// The schema the tables live in, created when missing: lower-case letters, digits and <c>_</c>, starting with a
    /// letter or <c>_</c>. Null (the default) uses the connection's search path (normally <c>public</c>); a search
    /// path of one such name (<c>Search Path=registry</c>) is created when missing too. Instances
    /// that share a registry name the same schema; a database can hold several registries in different schemas.
    /// </summary>
    public string? Schema { get; init; }

    /// <summary>
    /// How long the change listener waits without a notification before it checks its connection with a query, so a
    /// database lost without a word (a cut network) is noticed. Default: 10 seconds.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The first wait before the listener reconnects after losing the database; it doubles on each failure. Default: 100 ms.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between reconnect attempts. Default: 5 seconds.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(5);
}
