using System;
using Microsoft.Extensions.Logging;
using Sip2.Net.Messages;

namespace Sip2.Net.Client.Internal;

// Event ids 3000-3999 belong to the client; they are a contract for log filters, so never renumber them.
// Wire texts passed in here are always masked (Sip2WireMask) before they arrive.
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Debug, "Connecting to {Host}:{Port} (TLS {UseTls})")]
    public static partial void Connecting(ILogger logger, string host, int port, bool useTls);

    [LoggerMessage(3001, LogLevel.Information, "Connected to {Host}:{Port}")]
    public static partial void Connected(ILogger logger, string host, int port);

    [LoggerMessage(3002, LogLevel.Warning, "Could not connect to {Host}:{Port}: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, string host, int port, string reason);

    [LoggerMessage(3003, LogLevel.Debug, "Sent {Command}: {Text}")]
    public static partial void Sent(ILogger logger, Sip2Command command, string text);

    [LoggerMessage(3004, LogLevel.Debug, "Received {Command}: {Text}")]
    public static partial void Received(ILogger logger, Sip2Command? command, string text);

    [LoggerMessage(3005, LogLevel.Warning, "Response failed its checksum; asking the ACS to resend (97), retry {Retry} of {Budget}")]
    public static partial void ChecksumMismatch(ILogger logger, int retry, int budget);

    [LoggerMessage(3006, LogLevel.Warning, "The ACS asked for a resend (96); resending, retry {Retry} of {Budget}")]
    public static partial void ResendRequested(ILogger logger, int retry, int budget);

    [LoggerMessage(3007, LogLevel.Error, "Retry budget of {Budget} spent on request {Command}")]
    public static partial void RetryBudgetExhausted(ILogger logger, int budget, Sip2Command? command);

    [LoggerMessage(3008, LogLevel.Warning, "No response within {Timeout}; closing the connection")]
    public static partial void ResponseTimeout(ILogger logger, TimeSpan timeout);

    [LoggerMessage(3009, LogLevel.Warning, "Response carries sequence number {Received}, the request had {Sent}")]
    public static partial void SequenceMismatch(ILogger logger, int received, int sent);

    [LoggerMessage(3010, LogLevel.Warning, "Connection lost: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string reason);

    [LoggerMessage(3011, LogLevel.Information, "Disconnected from {Host}:{Port}")]
    public static partial void Disconnected(ILogger logger, string host, int port);

    [LoggerMessage(3012, LogLevel.Warning, "Unreadable response: {Error}")]
    public static partial void UnparseableResponse(ILogger logger, string error);
}
