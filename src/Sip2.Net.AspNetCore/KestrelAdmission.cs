using System;
using System.IO.Pipelines;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Sip2.Net.Server;
using Sip2.Net.Server.Internal;

namespace Sip2.Net.AspNetCore;

/// <summary>
/// Admission before Kestrel's TLS: the connection middleware put before <c>UseHttps</c> admits the client by its
/// address and reserves its slot, within the cap on handshakes in progress; the SIP2 connection handler then serves the
/// admitted connection. A client that is refused never costs a handshake.
/// </summary>
internal sealed class KestrelAdmission(Sip2Connection connection, Sip2ConnectionHandler handler)
{
    private static readonly object Key = new();
    private int handshakeCounted = 1;
    private bool started;

    public static KestrelAdmission? Of(ConnectionContext context) =>
        context.Items.TryGetValue(Key, out var value) ? value as KestrelAdmission : null;

    public static ListenOptions Use(ListenOptions listenOptions)
    {
        Sip2ConnectionHandler? handler = null;
        listenOptions.Use(next => async context =>
        {
            if (context.RemoteEndPoint is not IPEndPoint peer)
            {
                await next(context).ConfigureAwait(false); // the SIP2 handler refuses it, and says why
                return;
            }

            handler ??= listenOptions.ApplicationServices.GetRequiredService<Sip2ConnectionHandler>();
            var connection = await handler.AdmitAsync(peer.Address, context.ConnectionClosed).ConfigureAwait(false);
            if (connection is null)
            {
                return; // refused before a byte of TLS
            }

            if (!handler.Limits.TryStartHandshake())
            {
                handler.Refused(connection.Address, "too many TLS handshakes in progress");
                handler.Release(connection, "refused before its TLS handshake");
                connection.Dispose();
                return;
            }

            var admission = new KestrelAdmission(connection, handler);
            context.Items[Key] = admission;
            using var evicted = connection.Aborted.Register(static c => ((ConnectionContext)c!).Abort(), context);
            try
            {
                await next(context).ConfigureAwait(false); // the handshake, then OnConnectedAsync
            }
            finally
            {
                admission.EndHandshake();
                if (!admission.started)
                {
                    handler.Release(connection, "TLS handshake failed");
                    connection.Dispose();
                }
            }
        });
        return listenOptions;
    }

    public Task RunAsync(Sip2ConnectionHandler engine, IDuplexPipe transport)
    {
        started = true;
        EndHandshake();
        return engine.RunAdmittedAsync(connection, transport);
    }

    private void EndHandshake()
    {
        if (Interlocked.Exchange(ref handshakeCounted, 0) == 1)
        {
            handler.Limits.EndHandshake();
        }
    }
}
