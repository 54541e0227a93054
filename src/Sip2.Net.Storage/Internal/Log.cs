using System;
using System.Net;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;

namespace Sip2.Net.Storage.Internal;

/// <summary>
/// The relational stores' log messages. 2000-2002 mean what they mean for every registry store (a change, a refused
/// operation, a failing handler); 2050-2059 are the database's: unreachable, reachable again, schema, unreadable rows,
/// the listener. Nothing here takes a password, a hash or a connection string.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Client registration {RegistrationId} for {Address}: {Kind}")]
    public static partial void RegistrationChanged(ILogger logger, Sip2RegistrationChangeKind kind, Guid registrationId, IPAddress address);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Registry operation refused: rule {Rule}, field {Field}")]
    public static partial void RegistryOperationRefused(ILogger logger, Sip2RegistryRule rule, string field);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "A RegistrationChanged handler failed for {Kind} of registration {RegistrationId}")]
    public static partial void RegistrationChangedHandlerFailed(ILogger logger, Exception exception, Sip2RegistrationChangeKind kind, Guid registrationId);

    [LoggerMessage(EventId = 2050, Level = LogLevel.Warning,
        Message = "The registry store's {Database} database cannot be reached ({Problem}); connections are admitted from the snapshot of {SynchronizedAt:O} and changes are refused until it is back")]
    public static partial void StoreUnreachable(ILogger logger, string database, string problem, DateTimeOffset synchronizedAt);

    [LoggerMessage(EventId = 2051, Level = LogLevel.Information, Message = "The registry store's {Database} database is reachable again; the snapshot is up to date")]
    public static partial void StoreReachable(ILogger logger, string database);

    [LoggerMessage(EventId = 2052, Level = LogLevel.Information, Message = "Registry store schema migrated to version {Version} ({Database})")]
    public static partial void SchemaMigrated(ILogger logger, int version, string database);

    [LoggerMessage(EventId = 2053, Level = LogLevel.Error, Message = "A stored row of {Table} ({Key}) cannot be read: {Reason}")]
    public static partial void UnreadableRow(ILogger logger, string table, string key, string reason);

    [LoggerMessage(EventId = 2054, Level = LogLevel.Debug, Message = "Registry change listener: reconnecting in {Delay} after {Problem}")]
    public static partial void ListenerReconnecting(ILogger logger, TimeSpan delay, string problem);

    [LoggerMessage(EventId = 2055, Level = LogLevel.Warning, Message = "Registry change notification ignored: {Payload}")]
    public static partial void UnknownNotification(ILogger logger, string payload);
}
