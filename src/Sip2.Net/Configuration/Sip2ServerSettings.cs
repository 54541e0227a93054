using System;
using System.Collections.Generic;
using Sip2.Net.Protocol;
using Sip2.Net.Server;

namespace Sip2.Net.Configuration;

/// <summary>
/// The configuration section of <c>AddSip2Server(IConfiguration)</c> (by convention <c>Sip2:Server</c>), bound with the
/// options pattern and validated at start. Every property left unset keeps the default of
/// <see cref="Sip2ServerOptions"/>; times are written as <c>hh:mm:ss</c> (e.g. <c>"00:01:00"</c>).
/// </summary>
public sealed class Sip2ServerSettings
{
    /// <summary>The section <c>AddSip2Server(IServiceCollection, string)</c> binds unless told another: <c>Sip2:Server</c>.</summary>
    public const string DefaultSectionPath = "Sip2:Server";

    /// <summary>Where the standalone server listens; empty keeps the default (127.0.0.1:6001, plain TCP).</summary>
    public IList<Sip2EndpointSettings> Endpoints { get; } = new List<Sip2EndpointSettings>();

    /// <inheritdoc cref="Sip2ServerOptions.MaxMessageLength"/>
    public int? MaxMessageLength { get; set; }

    /// <inheritdoc cref="Sip2ServerOptions.LoginTimeout"/>
    public TimeSpan? LoginTimeout { get; set; }

    /// <inheritdoc cref="Sip2ServerOptions.IdleTimeout"/>
    public TimeSpan? IdleTimeout { get; set; }

    /// <inheritdoc cref="Sip2ServerOptions.PartialMessageTimeout"/>
    public TimeSpan? PartialMessageTimeout { get; set; }

    /// <inheritdoc cref="Sip2ServerOptions.BackendTimeout"/>
    public TimeSpan? BackendTimeout { get; set; }

    /// <inheritdoc cref="Sip2ServerOptions.ShutdownTimeout"/>
    public TimeSpan? ShutdownTimeout { get; set; }

    /// <inheritdoc cref="Sip2ServerOptions.MaxConnections"/>
    public int? MaxConnections { get; set; }

    /// <inheritdoc cref="Sip2ServerOptions.MaxConnectionsPerAddress"/>
    public int? MaxConnectionsPerAddress { get; set; }

    /// <inheritdoc cref="Sip2ServerOptions.MaxConnectionsPerRegistration"/>
    public int? MaxConnectionsPerRegistration { get; set; }

    /// <inheritdoc cref="Sip2ServerOptions.TlsHandshakeTimeout"/>
    public TimeSpan? TlsHandshakeTimeout { get; set; }

    /// <inheritdoc cref="Sip2ServerOptions.MaxTlsHandshakes"/>
    public int? MaxTlsHandshakes { get; set; }

    /// <inheritdoc cref="Sip2ServerOptions.AllowScStatusBeforeLogin"/>
    public bool? AllowScStatusBeforeLogin { get; set; }

    /// <inheritdoc cref="Sip2ServerOptions.ErrorDetection"/>
    public Sip2ErrorDetectionMode? ErrorDetection { get; set; }

    /// <inheritdoc cref="Sip2ServerOptions.ParseMode"/>
    public Sip2ParseMode? ParseMode { get; set; }

    /// <summary>The encoding before a session is bound: <c>IBM850</c> (the default), <c>UTF-8</c> or <c>ASCII</c>.</summary>
    public string? DefaultEncoding { get; set; }

    /// <inheritdoc cref="Sip2ServerOptions.MaxConsecutiveBadMessages"/>
    public int? MaxConsecutiveBadMessages { get; set; }

    /// <inheritdoc cref="Sip2ServerOptions.RetransmissionScope"/>
    public Sip2RetransmissionScope? RetransmissionScope { get; set; }

    /// <inheritdoc cref="Sip2ServerOptions.RetransmissionWindow"/>
    public TimeSpan? RetransmissionWindow { get; set; }

    /// <inheritdoc cref="Sip2ServerOptions.MaxPendingOutput"/>
    public int? MaxPendingOutput { get; set; }

    /// <inheritdoc cref="Sip2ServerOptions.WriteTimeout"/>
    public TimeSpan? WriteTimeout { get; set; }

    /// <summary>Which address ranges the registry accepts (<c>Registry:AllowLoopback</c>, ...).</summary>
    public Sip2RegistrySettings Registry { get; } = new();

    /// <summary>Failed-login limits and throttling (<c>AccessPolicy:MaxFailedLoginsPerConnection</c>, ...).</summary>
    public Sip2AccessPolicySettings AccessPolicy { get; } = new();
}
