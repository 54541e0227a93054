using System;
using System.Net.Security;
using System.Text;
using Microsoft.Extensions.Logging;
using Sip2.Net.Encodings;
using Sip2.Net.Protocol;

namespace Sip2.Net.Client;

/// <summary>
/// How a <see cref="Sip2Client"/> connects and talks to an ACS. Immutable; validated when the client is
/// created. Only <see cref="Host"/> has no usable default.
/// </summary>
public sealed record Sip2ClientOptions
{
    /// <summary>The ACS host name or address. Required.</summary>
    public string Host { get; init; } = "";

    /// <summary>The ACS TCP port. Default: 6001, the port most ACSs listen on.</summary>
    public int Port { get; init; } = 6001;

    /// <summary>
    /// The local address to connect from, on a machine with several (the ACS admits kiosks by address); null
    /// lets the system choose. The connection then uses this address's family.
    /// </summary>
    public System.Net.IPAddress? LocalAddress { get; init; }

    /// <summary>Whether to wrap the connection in TLS. Default: false (plain SIP2 is cleartext; prefer TLS where the ACS offers it).</summary>
    public bool UseTls { get; init; }

    /// <summary>The name the server certificate must carry. Default: null, meaning <see cref="Host"/>.</summary>
    public string? TlsTargetHost { get; init; }

    /// <summary>
    /// Decides whether the server certificate is accepted. Default: null, the platform's validation (chain
    /// and name must be valid). Supply one only to pin a certificate or to accept a private CA.
    /// </summary>
    public RemoteCertificateValidationCallback? RemoteCertificateValidationCallback { get; init; }

    /// <summary>How long connecting (and the TLS handshake) may take. Default: 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long to wait for each response (including each response after a resend). Default: 30 seconds.
    /// After a timeout the connection is closed, because a late response would be taken for the next one.
    /// </summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether requests carry a sequence number (AY) and checksum (AZ) and responses' checksums are verified.
    /// Default: true.
    /// </summary>
    public bool ErrorDetection { get; init; } = true;

    /// <summary>
    /// How many times one request may be repeated (a 97 after a corrupted response, or a resend after a 96)
    /// before <see cref="Sip2ProtocolException"/> is thrown. Default: 3.
    /// </summary>
    public int RetryBudget { get; init; } = 3;

    /// <summary>The character encoding of messages. Default: <see cref="Sip2Encoding.Ibm850"/>, the standard's code page.</summary>
    public Sip2Encoding Encoding { get; init; } = Sip2Encoding.Ibm850;

    /// <summary>The terminator written after each request. Responses may end in CR, CRLF or LF. Default: CR.</summary>
    public Sip2Terminator Terminator { get; init; } = Sip2Terminator.Cr;

    /// <summary>The field delimiter. Default: <c>|</c>.</summary>
    public char FieldDelimiter { get; init; } = '|';

    /// <summary>The longest response accepted, in bytes; a longer one closes the connection. Default: 64 KiB.</summary>
    public int MaxMessageLength { get; init; } = Sip2FrameReader.DefaultMaxMessageLength;

    /// <summary>The institution id (AO) the typed methods send. Default: empty.</summary>
    public string InstitutionId { get; init; } = "";

    /// <summary>The terminal password (AC) the typed methods send. Default: null (sent empty where the message requires it).</summary>
    public string? TerminalPassword { get; init; }

    /// <summary>The location code: CP of Login and AP (current location) of Checkin. Default: null.</summary>
    public string? LocationCode { get; init; }

    /// <summary>Where the client logs. Default: null, no logging. Passwords (CO, AC, AD) are always masked.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>The clock for transaction dates. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Creates the meter of the client's instruments (<see cref="Diagnostics.Sip2Telemetry.ClientMeterName"/>), e.g. the
    /// host's from dependency injection. Default: null, a meter shared by every client of the process.
    /// </summary>
    public System.Diagnostics.Metrics.IMeterFactory? MeterFactory { get; init; }

    /// <summary>
    /// Called with every message sent and received, as text without its terminator and with passwords masked
    /// (what <c>sip2 --wire</c> shows). Default: null. Called on the sending thread; keep it quick.
    /// </summary>
    public Action<Sip2WireDirection, string>? WireObserver { get; init; }

    /// <summary>Checks the options, throwing <see cref="ArgumentException"/> for the first invalid one.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("A host is required.", nameof(Host));
        }

        if (Port is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "A TCP port is 1 to 65535.");
        }

        if (ConnectTimeout <= TimeSpan.Zero && ConnectTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(ConnectTimeout), ConnectTimeout, "The timeout must be positive (or infinite).");
        }

        if (ResponseTimeout <= TimeSpan.Zero && ResponseTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(ResponseTimeout), ResponseTimeout, "The timeout must be positive (or infinite).");
        }

        if (RetryBudget < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryBudget), RetryBudget, "The retry budget cannot be negative.");
        }

        if (MaxMessageLength < 16)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMessageLength), MaxMessageLength, "At least 16 bytes.");
        }

        if (Encoding is null)
        {
            throw new ArgumentException("An encoding is required.", nameof(Encoding));
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException("A time provider is required.", nameof(TimeProvider));
        }

        if (InstitutionId is null)
        {
            throw new ArgumentException("The institution id cannot be null; use an empty string.", nameof(InstitutionId));
        }

        // The codec options check the delimiter.
        _ = ToCodecOptions();
    }

    internal Sip2CodecOptions ToCodecOptions() => new()
    {
        Encoding = Encoding,
        Terminator = Terminator,
        FieldDelimiter = FieldDelimiter,
        ErrorDetection = ErrorDetection ? Sip2ErrorDetectionMode.Auto : Sip2ErrorDetectionMode.Off,
    };

    // The generated ToString would print the terminal password.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Host = ").Append(Host)
            .Append(", Port = ").Append(Port)
            .Append(", UseTls = ").Append(UseTls)
            .Append(", ErrorDetection = ").Append(ErrorDetection)
            .Append(", Encoding = ").Append(Encoding)
            .Append(", Terminator = ").Append(Terminator)
            .Append(", InstitutionId = ").Append(InstitutionId)
            .Append(", TerminalPassword = ").Append(TerminalPassword is null ? "null" : "***");
        return true;
    }
}
