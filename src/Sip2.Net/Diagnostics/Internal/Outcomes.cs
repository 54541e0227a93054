namespace Sip2.Net.Diagnostics.Internal;

/// <summary>The values of <see cref="Sip2Telemetry.OutcomeTag"/>: constants, so a tag never allocates.</summary>
internal static class Outcomes
{
    /// <summary>The request was answered (by the back end, or by the session for status).</summary>
    public const string Ok = "ok";

    /// <summary>The server refused the request (not logged in, not supported by the branch, out of scope) or the login.</summary>
    public const string Refused = "refused";

    /// <summary>The back end failed or answered wrongly; the kiosk got the failure response.</summary>
    public const string Error = "error";

    /// <summary>The back end did not answer within the back-end timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>A retransmission from another connection of the registration got the first attempt's answer.</summary>
    public const string Replayed = "replayed";

    public const string Accepted = "accepted";

    public const string Throttled = "throttled";

    public const string TooManyFailures = "too_many_failures";

    public const string TooManyConnections = "too_many_connections";

    // The client's.
    public const string ConnectionError = "connection_error";

    public const string ProtocolError = "protocol_error";

    public const string Canceled = "canceled";

    public static string For(Access.Sip2LoginOutcome outcome) => outcome switch
    {
        Access.Sip2LoginOutcome.Accepted => Accepted,
        Access.Sip2LoginOutcome.Throttled => Throttled,
        Access.Sip2LoginOutcome.TooManyFailures => TooManyFailures,
        _ => Refused,
    };
}
