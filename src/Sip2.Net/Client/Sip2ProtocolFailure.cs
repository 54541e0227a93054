namespace Sip2.Net.Client;

/// <summary>Why an exchange failed at the protocol level.</summary>
public enum Sip2ProtocolFailure
{
    /// <summary>Not further described.</summary>
    Unknown = 0,
    /// <summary>The retry budget was spent on corrupted responses (97) or resend requests (96).</summary>
    RetryBudgetExhausted = 1,
    /// <summary>The response could not be read; see <see cref="Sip2ProtocolException.ParseError"/>.</summary>
    UnparseableResponse = 2,
    /// <summary>The response is not the one the request calls for.</summary>
    UnexpectedResponse = 3,
    /// <summary>The response is longer than the configured maximum; the connection was closed.</summary>
    ResponseTooLong = 4,
}
