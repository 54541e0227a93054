using Microsoft.Extensions.Logging;

namespace Sip2.Net.SampleHost;

/// <summary>The sample host's own log events (the library logs connections, logins and requests itself).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Library data loaded from {File}: {Patrons} patrons, {Items} items, {Loans} loans, {Holds} holds")]
    public static partial void DataLoaded(ILogger logger, string file, int patrons, int items, int loans, int holds);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Administrator {UserName} signed in from {Address}")]
    public static partial void SignedIn(ILogger logger, string userName, string address);

    // The user name is not logged: an administrator may have typed a password into it.
    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Sign-in refused from {Address}: wrong user name or password")]
    public static partial void SignInRefused(ILogger logger, string address);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Sign-in from {Address} throttled for {Seconds} s after repeated failures")]
    public static partial void SignInThrottled(ILogger logger, string address, int seconds);
}
