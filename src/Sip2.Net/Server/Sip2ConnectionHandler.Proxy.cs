using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Access;
using Sip2.Net.Protocol;

namespace Sip2.Net.Server;

public sealed partial class Sip2ConnectionHandler
{
    /// <summary>
    /// Reads the PROXY protocol header (v1 or v2) that must start every connection on a PROXY endpoint, with the
    /// rules of <see cref="Sip2ListenEndpoint.ProxyProtocol"/>: only from <paramref name="trustedProxies"/>, at
    /// most <see cref="Sip2ProxyHeader.MaxLength"/> bytes, complete within <see cref="Sip2ServerOptions.PartialMessageTimeout"/>.
    /// Exactly the header is consumed from <paramref name="input"/>; what follows it (a TLS hello, the first
    /// request) stays there. Hosts other than <see cref="Sip2Server"/> (Kestrel) call it before any TLS.
    /// </summary>
    /// <param name="input">The connection's bytes as they come from the proxy.</param>
    /// <param name="peer">The proxy's end point (the TCP peer).</param>
    /// <param name="trustedProxies">The proxies allowed to send a header.</param>
    /// <param name="cancellationToken">Ends the wait, e.g. when the connection closes.</param>
    /// <returns>
    /// The client's end point as the header reports it (the proxy's own for a header that speaks for the proxy,
    /// such as a health check's <c>LOCAL</c>), or null when the connection must be closed; the refusal is logged.
    /// Never throws for anything the peer sends.
    /// </returns>
    public Task<IPEndPoint?> ReadProxyHeaderAsync(PipeReader input, IPEndPoint peer, IReadOnlyList<Sip2IPNetwork> trustedProxies, CancellationToken cancellationToken = default)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        return ReadProxyHeaderAsync((buffer, offset, count, token) => ReadFromPipeAsync(input, buffer, offset, count, token), peer, trustedProxies, cancellationToken);
    }

    // The one implementation behind both hosts. It asks its source for exactly the bytes the header can still
    // need (one at a time until v2's length is known), so nothing past the header is ever taken, whether the
    // source is a raw socket stream (the standalone listener, where TLS may come next) or a pipe.
    internal async Task<IPEndPoint?> ReadProxyHeaderAsync(
        Func<byte[], int, int, CancellationToken, Task<int>> read, IPEndPoint peer, IReadOnlyList<Sip2IPNetwork> trustedProxies, CancellationToken cancellationToken)
    {
        if (peer is null)
        {
            throw new ArgumentNullException(nameof(peer));
        }

        if (trustedProxies is null)
        {
            throw new ArgumentNullException(nameof(trustedProxies));
        }

        var proxy = Sip2IPAddresses.Normalize(peer.Address);
        var trusted = false;
        foreach (var network in trustedProxies)
        {
            trusted |= network.Contains(proxy);
        }

        if (!trusted)
        {
            Refused(proxy, "not a trusted proxy");
            return null;
        }

        using var deadline = Timeouts.CreateCancellationSource(Options.PartialMessageTimeout, TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken, Stopping);
        var header = new byte[Sip2ProxyHeader.MaxLength];
        try
        {
            var length = 0;
            while (true)
            {
                var status = Sip2ProxyHeader.TryRead(header.AsSpan(0, length), out var result, out _);
                if (status == Sip2ProxyHeaderStatus.Parsed)
                {
                    return result.Source ?? peer;
                }

                if (status == Sip2ProxyHeaderStatus.Invalid || length == header.Length)
                {
                    Refused(proxy, "invalid PROXY header: " + (result.Error ?? "too long"));
                    return null;
                }

                // A byte at a time, so a wrong first byte is refused at once; only v2's announced address
                // block is asked for in one go.
                var want = length >= 16 && header[0] == 0x0D ? 16 + ((header[14] << 8) | header[15]) - length : 1;
                var count = Math.Max(1, Math.Min(want, header.Length - length));
                var end = length + count;
                while (length < end)
                {
                    var got = await read(header, length, end - length, linked.Token).ConfigureAwait(false);
                    if (got <= 0)
                    {
                        throw new EndOfStreamException();
                    }

                    length += got;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            Refused(proxy, "no complete PROXY header in time");
            return null;
        }
    }

    private void Refused(IPAddress proxy, string reason)
    {
        Metrics.ConnectionRefused("proxy header");
        Log.ConnectionRefused(Logger, proxy, reason);
    }

    // Copies what the pipe has, up to count bytes, and consumes exactly that much.
    private static async Task<int> ReadFromPipeAsync(PipeReader input, byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (read.IsCanceled)
            {
                throw new OperationCanceledException();
            }

            var available = read.Buffer;
            if (!available.IsEmpty)
            {
                var take = (int)Math.Min(count, available.Length);
                available.Slice(0, take).CopyTo(buffer.AsSpan(offset, take));
                input.AdvanceTo(available.GetPosition(take));
                return take;
            }

            input.AdvanceTo(available.Start, available.End);
            if (read.IsCompleted)
            {
                return 0;
            }
        }
    }
}
