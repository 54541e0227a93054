using System;
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
    public async Task<IPEndPoint?> ReadProxyHeaderAsync(PipeReader input, IPEndPoint peer, IReadOnlyList<Sip2IPNetwork> trustedProxies, CancellationToken cancellationToken = default)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        if (!IsTrustedProxy(peer, trustedProxies, out var proxy))
        {
            return null;
        }

        // A pipe lets the header be parsed in place from whatever has arrived, and only the header consumed.
        return await WithinHeaderDeadlineAsync(proxy, async token =>
        {
            while (true)
            {
                var read = await input.ReadAsync(token).ConfigureAwait(false);
                if (read.IsCanceled)
                {
                    return NotInTime(proxy);
                }

                var buffer = read.Buffer;
                var status = Sip2ProxyHeader.TryRead(ref buffer, out var result);
                if (status == Sip2ProxyHeaderStatus.Parsed)
                {
                    input.AdvanceTo(buffer.Start);
                    return result.Source ?? peer;
                }

                if (status == Sip2ProxyHeaderStatus.Invalid || read.Buffer.Length >= Sip2ProxyHeader.MaxLength)
                {
                    input.AdvanceTo(read.Buffer.Start);
                    return NotAHeader(proxy, result);
                }

                input.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                if (read.IsCompleted)
                {
                    return NotInTime(proxy);
                }
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    // The standalone listener's reader, over the socket's stream. It asks for exactly the bytes the header can
    // still need (one at a time until v2's length is known), so nothing past the header is taken: TLS may come next.
    internal async Task<IPEndPoint?> ReadProxyHeaderAsync(
        Func<byte[], int, int, CancellationToken, Task<int>> read, IPEndPoint peer, IReadOnlyList<Sip2IPNetwork> trustedProxies, CancellationToken cancellationToken)
    {
        if (!IsTrustedProxy(peer, trustedProxies, out var proxy))
        {
            return null;
        }

        return await WithinHeaderDeadlineAsync(proxy, async token =>
        {
            var header = new byte[Sip2ProxyHeader.MaxLength];
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
                    return NotAHeader(proxy, result);
                }

                // A byte at a time, so a wrong first byte is refused at once; only v2's announced address
                // block is asked for in one go.
                var want = length >= 16 && header[0] == 0x0D ? 16 + ((header[14] << 8) | header[15]) - length : 1;
                var count = Math.Max(1, Math.Min(want, header.Length - length));
                var end = length + count;
                while (length < end)
                {
                    var got = await read(header, length, end - length, token).ConfigureAwait(false);
                    if (got <= 0)
                    {
                        return NotInTime(proxy);
                    }

                    length += got;
                }
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    // Both readers: a header must be complete within PartialMessageTimeout (and before the server stops); one that
    // is not, or whose connection ends or fails first, is refused as not in time.
    private async Task<IPEndPoint?> WithinHeaderDeadlineAsync(IPAddress proxy, Func<CancellationToken, Task<IPEndPoint?>> read, CancellationToken cancellationToken)
    {
        using var deadline = Timeouts.CreateCancellationSource(Options.PartialMessageTimeout, TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken, Stopping);
        try
        {
            return await read(linked.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            return NotInTime(proxy);
        }
    }

    // Only a trusted proxy may send a header at all: anyone else is refused before a byte is read.
    private bool IsTrustedProxy(IPEndPoint peer, IReadOnlyList<Sip2IPNetwork> trustedProxies, out IPAddress proxy)
    {
        if (peer is null)
        {
            throw new ArgumentNullException(nameof(peer));
        }

        if (trustedProxies is null)
        {
            throw new ArgumentNullException(nameof(trustedProxies));
        }

        proxy = Sip2IPAddresses.Normalize(peer.Address);
        foreach (var network in trustedProxies)
        {
            if (network.Contains(proxy))
            {
                return true;
            }
        }

        Refused(proxy, "not a trusted proxy");
        return false;
    }

    private IPEndPoint? NotAHeader(IPAddress proxy, Sip2ProxyHeaderResult result)
    {
        Refused(proxy, "invalid PROXY header: " + (result.Error ?? "too long"));
        return null;
    }

    private IPEndPoint? NotInTime(IPAddress proxy)
    {
        Refused(proxy, "no complete PROXY header in time");
        return null;
    }

    private void Refused(IPAddress proxy, string reason)
    {
        Metrics.ConnectionRefused("proxy header");
        Log.ConnectionRefused(Logger, proxy, reason);
    }
}
