using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Access;
using Sip2.Net.Protocol;
using Sip2.Net.Access.Internal;
using Sip2.Net.Server;

namespace Sip2.Net.Protocol.Internal;

/// <summary>
/// Reads the PROXY protocol header (v1 or v2) that must start every connection on a PROXY endpoint: only from a
/// trusted proxy, at most <see cref="Sip2ProxyHeader.MaxLength"/> bytes, complete within the partial-message timeout.
/// It asks the stream for exactly the bytes the header can still need (one at a time until v2's length is known), so
/// nothing past the header is taken: TLS or the first request follows. Kestrel's pipes are read through
/// <c>PipeReader.AsStream()</c>, which consumes just what is read.
/// </summary>
internal static class ProxyHeaderReader
{
    /// <summary>The client's end point as the header reports it (the proxy's own for a LOCAL header), or null when refused (logged).</summary>
    public static async Task<IPEndPoint?> ReadAsync(Stream stream, IPEndPoint peer, IReadOnlyList<Sip2IPNetwork> trustedProxies, Sip2ConnectionHandler handler, CancellationToken cancellationToken)
    {
        var proxy = Sip2IPAddresses.Normalize(peer.Address);
        if (!IsTrusted(proxy, trustedProxies))
        {
            return Refused(handler, proxy, "not a trusted proxy");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = handler.TimeProvider.CreateTimer(static s => ((CancellationTokenSource)s!).Cancel(), deadline, handler.Options.PartialMessageTimeout, Timeout.InfiniteTimeSpan);
        // Where a read does not honour its token (netstandard2.0's socket streams), closing the stream ends it.
        using var closeOnDeadline = deadline.Token.Register(static s => ((Stream)s!).Dispose(), stream);
        var header = new byte[Sip2ProxyHeader.MaxLength];
        var length = 0;
        try
        {
            while (true)
            {
                var status = Sip2ProxyHeader.TryRead(header.AsSpan(0, length), out var result, out _);
                if (status == Sip2ProxyHeaderStatus.Parsed)
                {
                    return result.Source ?? peer;
                }

                if (status == Sip2ProxyHeaderStatus.Invalid || length == header.Length)
                {
                    return Refused(handler, proxy, "invalid PROXY header: " + (result.Error ?? "too long"));
                }

                // A byte at a time, so a wrong first byte is refused at once; only v2's announced address block is asked for in one go.
                var want = length >= 16 && header[0] == 0x0D ? 16 + ((header[14] << 8) | header[15]) - length : 1;
                var end = length + Math.Max(1, Math.Min(want, header.Length - length));
                while (length < end)
                {
#if NET8_0_OR_GREATER
                    var got = await stream.ReadAsync(header.AsMemory(length, end - length), deadline.Token).ConfigureAwait(false);
#else
                    var got = await stream.ReadAsync(header, length, end - length, deadline.Token).ConfigureAwait(false);
#endif
                    if (got <= 0)
                    {
                        return Refused(handler, proxy, "no complete PROXY header in time");
                    }

                    length += got;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            return Refused(handler, proxy, "no complete PROXY header in time");
        }
    }

    private static bool IsTrusted(IPAddress proxy, IReadOnlyList<Sip2IPNetwork> trustedProxies)
    {
        foreach (var network in trustedProxies)
        {
            if (network.Contains(proxy))
            {
                return true;
            }
        }

        return false;
    }

    private static IPEndPoint? Refused(Sip2ConnectionHandler handler, IPAddress proxy, string reason)
    {
        handler.Refused(proxy, reason);
        return null;
    }
}
