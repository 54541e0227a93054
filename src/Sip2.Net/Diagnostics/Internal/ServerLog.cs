using System;
using System.Net;
using Microsoft.Extensions.Logging;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Diagnostics.Internal;

/// <summary>
/// The server's log messages, with fixed event ids (1000-1099) that operators can filter and alert on.
/// Nothing here takes a password, PIN or terminal password: requests are logged by command, and the wire
/// trace (Trace level) goes through <see cref="Protocol.Sip2WireMask"/>.
/// </summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "SIP2 server listening on {EndPoint} ({Transport})")]
    public static partial void Listening(ILogger logger, EndPoint endPoint, string transport);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "SIP2 server stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "[{ConnectionId}] Connection from {Address}")]
    public static partial void ConnectionOpened(ILogger logger, string connectionId, IPAddress address);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "[{ConnectionId}] Connection closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, string connectionId, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Connection from {Address} refused: {Reason}")]
    public static partial void ConnectionRefused(ILogger logger, IPAddress address, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "[{ConnectionId}] Login as {LoginId} from {Address}: {Outcome}")]
    public static partial void Login(ILogger logger, string connectionId, string loginId, IPAddress address, Access.Sip2LoginOutcome outcome);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "[{ConnectionId}] {Command} -> {ResponseCommand} in {ElapsedMs} ms")]
    public static partial void Request(ILogger logger, string connectionId, Sip2Command command, Sip2Command responseCommand, double elapsedMs);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "[{ConnectionId}] Unreadable message ({Error}); answered with 96")]
    public static partial void BadMessage(ILogger logger, string connectionId, Sip2ErrorCode error);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "[{ConnectionId}] Message over {MaxLength} bytes; closing the connection")]
    public static partial void MessageTooLong(ILogger logger, string connectionId, int maxLength);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Error, Message = "[{ConnectionId}] The back end failed on {Command}; answered with a failure response")]
    public static partial void BackendFailed(ILogger logger, Exception exception, string connectionId, Sip2Command command);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "[{ConnectionId}] The back end took longer than {TimeoutMs} ms on {Command}; answered with a failure response")]
    public static partial void BackendTimedOut(ILogger logger, string connectionId, double timeoutMs, Sip2Command command);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "[{ConnectionId}] {Command} refused: {Reason}")]
    public static partial void RequestRefused(ILogger logger, string connectionId, Sip2Command command, string reason);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Debug, Message = "[{ConnectionId}] Resent the last response ({Reason})")]
    public static partial void Resent(ILogger logger, string connectionId, string reason);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Trace, Message = "[{ConnectionId}] {Direction} {Wire}")]
    public static partial void Wire(ILogger logger, string connectionId, string direction, string wire);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Information, Message = "[{ConnectionId}] Session ended: registration {RegistrationId} was {Change}")]
    public static partial void SessionEndedByRegistry(ILogger logger, string connectionId, Guid registrationId, Access.Sip2RegistrationChangeKind change);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Warning, Message = "TLS handshake with {Address} failed: {Reason}")]
    public static partial void TlsHandshakeFailed(ILogger logger, IPAddress address, string reason);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Error, Message = "[{ConnectionId}] Connection failed unexpectedly")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(EventId = 1017, Level = LogLevel.Debug, Message = "[{ConnectionId}] Sequence number {Received} after {Previous}: not the next one")]
    public static partial void SequenceGap(ILogger logger, string connectionId, int received, int previous);

    [LoggerMessage(EventId = 1018, Level = LogLevel.Information, Message = "[{ConnectionId}] Session ended by an operator")]
    public static partial void SessionEndedByOperator(ILogger logger, string connectionId);

    [LoggerMessage(EventId = 1019, Level = LogLevel.Warning, Message = "{Count} more connections from {Address} refused in the last {Seconds} s: {Reason}")]
    public static partial void ConnectionsRefused(ILogger logger, int count, IPAddress address, double seconds, string reason);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Warning, Message = "{Count} more connections refused in the last {Seconds} s from addresses beyond the ones listed")]
    public static partial void ConnectionsRefusedElsewhere(ILogger logger, int count, double seconds);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "The process may open few files: at most {Allowed} connections (MaxConnections {MaxConnections}), keeping the rest of the descriptors for the process itself")]
    public static partial void DescriptorBudget(ILogger logger, int allowed, int maxConnections);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Error, Message = "Accepting connections paused: the process is out of file descriptors ({Error}); retrying with back-off")]
    public static partial void AcceptPaused(ILogger logger, System.Net.Sockets.SocketError error);

    [LoggerMessage(EventId = 1023, Level = LogLevel.Information, Message = "Accepting connections again")]
    public static partial void AcceptResumed(ILogger logger);

    [LoggerMessage(EventId = 1025, Level = LogLevel.Information, Message = "[{ConnectionId}] {Command} was already received for this registration: answered with its earlier outcome, not run again")]
    public static partial void ReplayedAcrossConnections(ILogger logger, string connectionId, Sip2Command command);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Debug, Message = "[{ConnectionId}] Waiting for the client to take {PendingBytes} bytes of answers")]
    public static partial void OutputWaiting(ILogger logger, string connectionId, long pendingBytes);

    [LoggerMessage(EventId = 1031, Level = LogLevel.Warning, Message = "[{ConnectionId}] The client took no answers for {TimeoutMs} ms; closing the connection")]
    public static partial void OutputStalled(ILogger logger, string connectionId, double timeoutMs);

    [LoggerMessage(EventId = 1032, Level = LogLevel.Information, Message = "[{ConnectionId}] A 96 from the client is not answered (a 96 is never answered with a 96)")]
    public static partial void ScResendNotAnswered(ILogger logger, string connectionId);
}
