using System;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;
using Sip2.Net.Server;

namespace Sip2.Net.AspNetCore;

/// <summary>
/// Serves Kestrel connections with the SIP2 engine: each connection's transport, remote address and
/// lifetime go to <see cref="Sip2ConnectionHandler.RunAsync"/>. Attach it to an endpoint with
/// <c>ListenSip2</c> or <c>UseSip2</c> rather than directly.
/// </summary>
public sealed partial class Sip2KestrelConnectionHandler : ConnectionHandler
{
    private readonly Sip2ConnectionHandler handler;
    private readonly ILogger logger;

    /// <summary>Creates the adapter over the server's engine (the singleton that <c>AddSip2Server</c> registers).</summary>
    /// <param name="handler">The SIP2 engine.</param>
    /// <param name="logger">Logs connections refused for want of an IP address.</param>
    public Sip2KestrelConnectionHandler(Sip2ConnectionHandler handler, ILogger<Sip2KestrelConnectionHandler> logger)
    {
        this.handler = handler ?? throw new ArgumentNullException(nameof(handler));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc/>
    public override Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (KestrelAdmission.Of(connection) is { } admission)
        {
            return admission.RunAsync(handler, connection.Transport); // admitted before its TLS handshake
        }

        if (connection.RemoteEndPoint is not IPEndPoint remote)
        {
            // Admission and every registration are by IP address: a Unix socket or named pipe peer has none,
            // so it cannot be admitted. Returning ends the connection.
            LogNoRemoteAddress(logger, connection.ConnectionId, connection.RemoteEndPoint?.ToString() ?? "none");
            return Task.CompletedTask;
        }

        return handler.RunAsync(connection.Transport, remote.Address, connection.ConnectionClosed);
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "SIP2 connection {ConnectionId} refused: its remote end point ({EndPoint}) has no IP address")]
    private static partial void LogNoRemoteAddress(ILogger logger, string connectionId, string endPoint);
}
