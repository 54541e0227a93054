namespace Sip2.Net.Diagnostics;

/// <summary>
/// The names under which Sip2.Net reports traces and metrics, for subscribing with OpenTelemetry
/// (<c>AddSource</c>, <c>AddMeter</c>, or the Sip2.Net.OpenTelemetry package's <c>AddSip2Instrumentation</c>),
/// an <see cref="System.Diagnostics.ActivityListener"/> or a <see cref="System.Diagnostics.Metrics.MeterListener"/>.
/// Names follow OpenTelemetry's conventions: dotted lower case, durations in seconds.
/// </summary>
/// <remarks>
/// Nothing recorded ever carries a password (CO, AC, AD), a patron identifier or an item identifier; a login id
/// appears only on an accepted login (a refused one may be a password typed into the wrong field).
/// </remarks>
public static class Sip2Telemetry
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> of the server's spans: one per request, one per login.</summary>
    public const string ActivitySourceName = "Sip2.Net";

    /// <summary>The meter of the server's instruments.</summary>
    public const string ServerMeterName = "Sip2.Net.Server";

    /// <summary>The meter of the client's instruments.</summary>
    public const string ClientMeterName = "Sip2.Net.Client";

    /// <summary>The operation name of a request's span (a server span; its display name is <c>SIP2</c> and the message's name).</summary>
    public const string RequestActivityName = "sip2.request";

    /// <summary>The operation name of a login's span (a server span).</summary>
    public const string LoginActivityName = "sip2.login";

    /// <summary>Histogram, <c>s</c>: from a complete request to its answer being written; tags <see cref="CommandTag"/>, <see cref="OutcomeTag"/>.</summary>
    public const string ServerRequestDuration = "sip2.server.request.duration";

    /// <summary>Counter, <c>{login}</c>: logins decided; tag <see cref="OutcomeTag"/> (accepted, refused, throttled, too_many_failures, too_many_connections).</summary>
    public const string ServerLogins = "sip2.server.logins";

    /// <summary>Up-down counter, <c>{connection}</c>: connections open now.</summary>
    public const string ServerActiveConnections = "sip2.server.active_connections";

    /// <summary>Counter, <c>{connection}</c>: connections admitted.</summary>
    public const string ServerConnections = "sip2.server.connections";

    /// <summary>Counter, <c>{connection}</c>: connections refused at admission; tag <see cref="ReasonTag"/>.</summary>
    public const string ServerRefusedConnections = "sip2.server.refused_connections";

    /// <summary>Counter, <c>{message}</c>: requests answered with 96 for a bad or missing checksum.</summary>
    public const string ServerChecksumErrors = "sip2.server.checksum_errors";

    /// <summary>Counter, <c>{message}</c>: answers sent again (after a 97, or for a retransmitted request).</summary>
    public const string ServerResends = "sip2.server.resends";

    /// <summary>Counter, <c>{flush}</c>: flushes that had to wait for a client to read its answers.</summary>
    public const string ServerOutputWaits = "sip2.server.output.waits";

    /// <summary>Counter, <c>{connection}</c>: connections closed because the client did not take its answers within the write timeout.</summary>
    public const string ServerOutputStalls = "sip2.server.output.stalls";

    /// <summary>Histogram, <c>s</c>: one request's exchange on the client, retries included; tags <see cref="CommandTag"/>, <see cref="OutcomeTag"/>.</summary>
    public const string ClientRequestDuration = "sip2.client.request.duration";

    /// <summary>Counter, <c>{request}</c>: client requests that failed; tags <see cref="CommandTag"/>, <see cref="OutcomeTag"/> (timeout, connection_error, protocol_error).</summary>
    public const string ClientFailures = "sip2.client.failures";

    /// <summary>Counter, <c>{retry}</c>: requests repeated by the client; tag <see cref="ReasonTag"/> (checksum_mismatch, resend_requested).</summary>
    public const string ClientRetries = "sip2.client.retries";

    /// <summary>The request's command code, two digits (<c>11</c> for Checkout).</summary>
    public const string CommandTag = "sip2.command";

    /// <summary>How a request or login ended: ok, refused, error, timeout, replayed; for logins accepted, refused, throttled, ...</summary>
    public const string OutcomeTag = "sip2.outcome";

    /// <summary>Why a connection was refused or a request repeated.</summary>
    public const string ReasonTag = "sip2.reason";

    /// <summary>Span attribute: the session's institution id.</summary>
    public const string InstitutionTag = "sip2.institution";

    /// <summary>Span attribute: the session's branch id.</summary>
    public const string BranchTag = "sip2.branch";

    /// <summary>Span attribute: the connection's id, as in the server's logs.</summary>
    public const string ConnectionIdTag = "sip2.connection.id";

    /// <summary>Span attribute: the registration an accepted login bound the session to.</summary>
    public const string RegistrationIdTag = "sip2.registration.id";

    /// <summary>Span attribute: the login id of an accepted login (never of a refused one).</summary>
    public const string LoginIdTag = "sip2.login.id";

    /// <summary>Span attribute: the kiosk's address (OpenTelemetry's <c>client.address</c>).</summary>
    public const string ClientAddressTag = "client.address";
}
