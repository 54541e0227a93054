using System;
using System.Net;
using System.Net.Security;
using Sip2.Net.Encodings;

namespace Sip2.Net.Testing.Conformance;

/// <summary>
/// Where the server under test is, how to log in, and the data some checks need. Checks that need a patron or an item
/// report <see cref="Sip2ConformanceOutcome.NotRun"/> without one. State-changing requests (checkout, fee paid, block
/// patron, ...) go out with made-up identifiers, except the checkout-and-checkin check, which checks out
/// <see cref="ItemIdentifier"/> to <see cref="PatronIdentifier"/> and checks it in again.
/// </summary>
public sealed record Sip2ConformanceOptions
{
    /// <summary>The server's host name or address. Required.</summary>
    public required string Host { get; init; }

    /// <summary>The server's TCP port. Default: 6001.</summary>
    public int Port { get; init; } = 6001;

    /// <summary>The local address to connect from (servers admit kiosks by address); null for the system's choice.</summary>
    public IPAddress? LocalAddress { get; init; }

    /// <summary>Whether to connect with TLS.</summary>
    public bool UseTls { get; init; }

    /// <summary>The name the server's certificate must carry; null for <see cref="Host"/>.</summary>
    public string? TlsTargetHost { get; init; }

    /// <summary>Replaces certificate validation (test servers only); null for the system's.</summary>
    public RemoteCertificateValidationCallback? RemoteCertificateValidationCallback { get; init; }

    /// <summary>The login id (CN) to log in with before each check; null when the server admits this address without a login.</summary>
    public string? LoginId { get; init; }

    /// <summary>The login password (CO); used only in the Login message, never shown.</summary>
    public string? Password { get; init; }

    /// <summary>The location code (CP) of the login; null for none.</summary>
    public string? LocationCode { get; init; }

    /// <summary>The institution id (AO) of every request. Default: empty.</summary>
    public string InstitutionId { get; init; } = "";

    /// <summary>The terminal password (AC) of every request that has one; null for empty.</summary>
    public string? TerminalPassword { get; init; }

    /// <summary>The character encoding of requests and responses. Default: IBM850, the standard's.</summary>
    public Sip2Encoding Encoding { get; init; } = Sip2Encoding.Ibm850;

    /// <summary>A patron of the institution (AA), for the patron checks; null to skip them.</summary>
    public string? PatronIdentifier { get; init; }

    /// <summary>That patron's PIN (AD), for the PIN checks; null to skip them.</summary>
    public string? PatronPassword { get; init; }

    /// <summary>An item on the shelf (AB), for the item checks and the checkout; null to skip them.</summary>
    public string? ItemIdentifier { get; init; }

    /// <summary>How long to wait for a response before the check fails (and for the oversize check, for the close). Default: 10 seconds.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for the connection. Default: 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to watch for an answer that must not come (to half a message). Default: 300 milliseconds.</summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How many bytes without a terminator the oversize check sends at most. Default: 1 MiB, sixteen times a common 64 KiB cap.</summary>
    public int OversizeLength { get; init; } = 1024 * 1024;

    /// <summary>Where the server is and who logs in; never the password.</summary>
    public override string ToString() =>
        $"{(UseTls ? "sip2s" : "sip2")}://{Host}:{Port} login {LoginId ?? "none"}{(Password is null ? "" : " (password ***)")}, institution '{InstitutionId}'";
}
