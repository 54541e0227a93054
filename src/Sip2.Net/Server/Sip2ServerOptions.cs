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

    /// <summary>Open connections at most from one address; more are closed at once. Default: 256 (kiosks behind one NAT).</summary>
    public int MaxConnectionsPerAddress { get; init; } = 256;

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
    /// How long the answer to a state-changing request (checkout, checkin, renew, renew all, fee paid, hold,
    /// block patron, patron enable, item status update) is kept per registration, so that the same request
    /// sent again, on this connection or a new one, is answered from it instead of running twice. Only
    /// requests with a real transaction date are matched. <see cref="TimeSpan.Zero"/> turns it off. Default:
    /// 2 minutes, well above kiosks' retry times and far below the time in which a kiosk could send one
    /// transaction twice with the same transaction date.
    /// </summary>
    public TimeSpan ReplayWindow { get; init; } = TimeSpan.FromMinutes(2);

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
        Require(Endpoints is { Count: > 0 }, nameof(Endpoints), "at least one endpoint");
        foreach (var endpoint in Endpoints!)
        {
            var problem = endpoint is null ? Sip2ListenEndpoint.NoAddress : endpoint.Problem;
            Require(problem is null, nameof(Endpoints), problem!);
        }

        Require(MaxMessageLength is >= 64 and <= 16 * 1024 * 1024, nameof(MaxMessageLength), "64 bytes to 16 MiB");
        Positive(LoginTimeout, nameof(LoginTimeout));
        Positive(IdleTimeout, nameof(IdleTimeout));
        Positive(PartialMessageTimeout, nameof(PartialMessageTimeout));
        Positive(BackendTimeout, nameof(BackendTimeout));
        Require(ShutdownTimeout >= TimeSpan.Zero, nameof(ShutdownTimeout), "zero or more");
        Require(MaxConnections >= 1, nameof(MaxConnections), "at least 1");
        Require(MaxConnectionsPerAddress >= 1, nameof(MaxConnectionsPerAddress), "at least 1");
        Require(MaxConsecutiveBadMessages >= 1, nameof(MaxConsecutiveBadMessages), "at least 1");
        Require(ReplayWindow >= TimeSpan.Zero && ReplayWindow <= TimeSpan.FromHours(1), nameof(ReplayWindow), "zero (off) to one hour");
        Require(MaxPendingOutput is >= 1024 and <= 64 * 1024 * 1024, nameof(MaxPendingOutput), "1 KiB to 64 MiB");
        Positive(WriteTimeout, nameof(WriteTimeout));
        Require(DefaultEncoding is not null, nameof(DefaultEncoding), "an encoding");
    }

    private static void Positive(TimeSpan value, string name) =>
        Require(value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan, name, "a positive time, or infinite");

    private static void Require(bool condition, string name, string expectation)
    {
        if (!condition)
        {
            throw new ArgumentException($"Sip2ServerOptions.{name} must be {expectation}.", name);
        }
    }
}
