using Microsoft.Extensions.Logging;

namespace Sip2.Net.SampleHost;

/// <summary>The sample host's own log events (the library logs connections, logins and requests itself).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Library data loaded from {File}: {Patrons} patrons, {Items} items, {Loans} loans, {Holds} holds")]
    public static partial void DataLoaded(ILogger logger, string file, int patrons, int items, int loans, int holds);
}
