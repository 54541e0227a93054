using System;
using System.Collections.Generic;
using System.Net;
using Sip2.Net.Encodings;
using Sip2.Net.Protocol;

namespace Sip2.Net.Server;

/// <summary>
/// The server's limits and behaviour. Every value has a safe default; <see cref="Validate"/> runs when the
/// server starts, so a bad setting fails start-up rather than a connection.
/// </summary>
public sealed record Sip2ServerOptions
{
    /// <summary>Where the standalone server listens. Default: 127.0.0.1:6001, plain TCP.</summary>
    public IReadOnlyList<Sip2ListenEndpoint> Endpoints { get; init; } = [new Sip2ListenEndpoint { EndPoint = new IPEndPoint(IPAddress.Loopback, 6001) }];

    /// <summary>Longest message accepted, in bytes; a longer one closes the connection. Default: 64 KiB.</summary>
    public int MaxMessageLength { get; init; } = Sip2FrameReader.DefaultMaxMessageLength;

    /// <summary>How long a connection that must log in may take to do so. Default: 60 seconds.</summary>
    public TimeSpan LoginTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a connection may stay silent. Default: 10 minutes, above the 5 to 7 minutes at which kiosks
    /// send their SC Status keep-alive. <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a started message may take to be completed (slow senders). Default: 30 seconds.</summary>
    public TimeSpan PartialMessageTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the back end may take for one request before the kiosk gets a failure response. Default: 30 seconds.</summary>
    public TimeSpan BackendTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a graceful stop waits for requests in flight before closing connections. Default: 10 seconds.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Open connections at most, over all addresses; more are closed at once. Default: 10,000.</summary>
    public int MaxConnections { get; init; } = 10_000;

    /// <summary>
    /// Open connections at most from one address. Default: 256 (kiosks behind one NAT). When the address is full, a new
    /// connection closes the oldest one there that has not logged in, so a stranger behind the same NAT cannot hold
    /// every slot with connections that never log in; it is refused when all of them are logged in.
    /// </summary>
    public int MaxConnectionsPerAddress { get; init; } = 256;

    /// <summary>
    /// Logged-in connections at most per registration, so one client on a shared address cannot take all its slots with
    /// one set of credentials; a login past it is answered 940 and the connection closed. Default: 64.
    /// </summary>
    public int MaxConnectionsPerRegistration { get; init; } = 64;

    /// <summary>How long a TLS handshake may take; the connection is closed after it. Default: 10 seconds.</summary>
    public TimeSpan TlsHandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>TLS handshakes in progress at most; a connection past it is closed before its handshake starts. Default: 100.</summary>
    public int MaxTlsHandshakes { get; init; } = 100;

    /// <summary>
    /// Whether an SC Status (99) is answered before a required login (Relais and some others send it first).
    /// It is answered with a 98 that offers only login, status and resend. Default: true.
    /// </summary>
    public bool AllowScStatusBeforeLogin { get; init; } = true;

    /// <summary>Error detection for every session; null (the default) takes it from the registration's vendor profile.</summary>
    public Sip2ErrorDetectionMode? ErrorDetection { get; init; }

    /// <summary>How strictly requests are read. Default: lenient, what real clients need.</summary>
    public Sip2ParseMode ParseMode { get; init; } = Sip2ParseMode.Lenient;

    /// <summary>The encoding used before a session is bound to a registration (for the Login itself). Default: IBM850.</summary>
    public Sip2Encoding DefaultEncoding { get; init; } = Sip2Encoding.Ibm850;

    /// <summary>
    /// Unreadable messages in a row after which the connection is closed, so a client and server cannot
    /// trade 96s forever. Default: 5.
    /// </summary>
    public int MaxConsecutiveBadMessages { get; init; } = 5;

    /// <summary>
    /// Where a retransmission is looked for: a state-changing request (checkout, checkin, renew, fee paid, ...) sent
    /// again because the SC got no answer is answered with the first outcome instead of running twice. Default:
    /// <see cref="Sip2RetransmissionScope.Registration"/> (the connection's last request, and after a reconnect the last
    /// request of the registration's other connections).
    /// </summary>
    public Sip2RetransmissionScope RetransmissionScope { get; init; } = Sip2RetransmissionScope.Registration;

    /// <summary>
    /// How long after a request its resend counts as a retransmission. Null (the default) takes the branch's timeout
    /// times its retries (what the SC is told in 98, at least one timeout), so a resend within the SC's own retry
    /// schedule is recognised and a later identical request runs. At most one hour.
    /// </summary>
    public TimeSpan? RetransmissionWindow { get; init; }

    /// <summary>
    /// Answers a connection may hold unsent, in bytes. A client that pipelines many requests in one read gets
    /// its answers flushed whenever this much is waiting, so a client that sends and never reads holds the
    /// server to this much (plus what the transport itself buffers) instead of one answer per request it sent.
    /// Default: 64 KiB.
    /// </summary>
    public int MaxPendingOutput { get; init; } = 64 * 1024;

    /// <summary>
    /// How long the client may take to accept answers the server is sending (a flush that cannot complete
    /// because the client does not read). When it passes, the connection is closed. Default: 30 seconds.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks every setting; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public void Validate()
    {
        foreach (var (name, expectation) in Problems())
        {
            throw new ArgumentException($"Sip2ServerOptions.{name} must be {expectation}.", name);
        }
    }

    // Every bad setting as (property, what it must be): Validate throws the first, configuration binding reports them
    // all under their configuration keys.
    internal IEnumerable<(string Name, string Expectation)> Problems()
    {
        if (Endpoints is not { Count: > 0 })
        {
            yield return (nameof(Endpoints), "at least one endpoint");
        }
        else
        {
            foreach (var endpoint in Endpoints)
            {
                if ((endpoint is null ? Sip2ListenEndpoint.NoAddress : endpoint.Problem) is { } problem)
                {
                    yield return (nameof(Endpoints), problem);
                }
            }
        }

        var checks = new (bool Ok, string Name, string Expectation)[]
        {
            (MaxMessageLength is >= 64 and <= 16 * 1024 * 1024, nameof(MaxMessageLength), "64 bytes to 16 MiB"),
            (IsPositive(LoginTimeout), nameof(LoginTimeout), PositiveTime),
            (IsPositive(IdleTimeout), nameof(IdleTimeout), PositiveTime),
            (IsPositive(PartialMessageTimeout), nameof(PartialMessageTimeout), PositiveTime),
            (IsPositive(BackendTimeout), nameof(BackendTimeout), PositiveTime),
            (ShutdownTimeout >= TimeSpan.Zero, nameof(ShutdownTimeout), "zero or more"),
            (MaxConnections >= 1, nameof(MaxConnections), "at least 1"),
            (MaxConnectionsPerAddress >= 1, nameof(MaxConnectionsPerAddress), "at least 1"),
            (MaxConsecutiveBadMessages >= 1, nameof(MaxConsecutiveBadMessages), "at least 1"),
            (RetransmissionWindow is null || (RetransmissionWindow > TimeSpan.Zero && RetransmissionWindow <= MaxRetransmissionWindow), nameof(RetransmissionWindow), "null (the branch's timeout times its retries) or up to one hour"),
            (MaxConnectionsPerRegistration >= 1, nameof(MaxConnectionsPerRegistration), "at least 1"),
            (IsPositive(TlsHandshakeTimeout), nameof(TlsHandshakeTimeout), PositiveTime),
            (MaxTlsHandshakes >= 1, nameof(MaxTlsHandshakes), "at least 1"),
            (MaxPendingOutput is >= 1024 and <= 64 * 1024 * 1024, nameof(MaxPendingOutput), "1 KiB to 64 MiB"),
            (IsPositive(WriteTimeout), nameof(WriteTimeout), PositiveTime),
            (DefaultEncoding is not null, nameof(DefaultEncoding), "an encoding"),
        };
        foreach (var (ok, name, expectation) in checks)
        {
            if (!ok)
            {
                yield return (name, expectation);
            }
        }
    }

    internal static readonly TimeSpan MaxRetransmissionWindow = TimeSpan.FromHours(1);

    // The window for a session of this branch: the option, or what the SC was told in 98 (timeout times retries).
    internal TimeSpan RetransmissionWindowFor(Access.Sip2BranchConfiguration branch) => RetransmissionWindow
        ?? TimeSpan.FromTicks(Math.Min(MaxRetransmissionWindow.Ticks, TimeSpan.FromSeconds(Math.Max(1, branch.TimeoutSeconds)).Ticks * Math.Max(1, branch.RetriesAllowed)));

    private const string PositiveTime = "a positive time, or infinite";

    private static bool IsPositive(TimeSpan value) => value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan;
}
