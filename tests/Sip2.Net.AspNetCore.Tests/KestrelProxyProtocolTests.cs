using System.Net;
using System.Net.Sockets;
using System.Text;
using Sip2.Net.Server;

namespace Sip2.Net.AspNetCore.Tests;

/// <summary>
/// The PROXY protocol on a Kestrel SIP2 endpoint, with the standalone listener's rules. 127.0.0.1 is the
/// trusted proxy (and a kiosk that must log in); 127.0.0.2 is a kiosk registered without login, so a checkout
/// answered without a login proves the address from the header is the one admitted.
/// </summary>
public sealed class KestrelProxyProtocolTests
{
    private const string Checkout = "11YN20260101    120000                  AOmain|AAp1|ABi1|AC|\r";
    private static readonly IPAddress Kiosk = IPAddress.Parse("127.0.0.2");

    private static async Task<KestrelSip2Host> StartBehindProxyAsync()
    {
        var host = await KestrelSip2Host.StartAsync(
            endpoint: new Sip2ListenEndpoint
            {
                EndPoint = new IPEndPoint(IPAddress.Loopback, 0),
                ProxyProtocol = true,
                TrustedProxies = [Sip2IPNetwork.Parse("127.0.0.1/32")],
            });
        await host.RegisterAsync(Kiosk);
        return host;
    }

    // PROXY over TCP/IPv4, from source port 40000 to destination port 6001.
    private static byte[] V2Header(IPAddress source, IPAddress destination) =>
        Sip2.Net.Testing.ProxyHeaders.V2(0x21, 0x11, [.. source.GetAddressBytes(), .. destination.GetAddressBytes(), 0x9C, 0x40, 0x17, 0x71]);

    [Fact]
    public async Task A_v1_header_from_the_trusted_proxy_makes_its_address_the_one_admitted()
    {
        await using var host = await StartBehindProxyAsync();
        using var proxy = await host.ConnectRawAsync(IPAddress.Loopback);

        await proxy.SendAsync(Encoding.ASCII.GetBytes("PROXY TCP4 127.0.0.2 127.0.0.1 40000 6001\r\n" + Checkout));

        Assert.StartsWith("121", await KestrelSip2Host.ReadMessageAsync(proxy), StringComparison.Ordinal);
        Assert.Equal([Kiosk], host.Backend.RemoteAddresses);
    }

    [Fact]
    public async Task A_v2_header_from_the_trusted_proxy_makes_its_address_the_one_admitted()
    {
        await using var host = await StartBehindProxyAsync();
        using var proxy = await host.ConnectRawAsync(IPAddress.Loopback);

        byte[] bytes = [.. V2Header(Kiosk, IPAddress.Loopback), .. Encoding.ASCII.GetBytes(Checkout)];
        await proxy.SendAsync(bytes);

        Assert.StartsWith("121", await KestrelSip2Host.ReadMessageAsync(proxy), StringComparison.Ordinal);
        Assert.Equal([Kiosk], host.Backend.RemoteAddresses);
    }

    [Fact]
    public async Task A_connection_without_a_header_is_closed_unanswered()
    {
        await using var host = await StartBehindProxyAsync();
        using var proxy = await host.ConnectRawAsync(IPAddress.Loopback);

        await proxy.SendAsync(Encoding.ASCII.GetBytes(Checkout));

        Assert.True(string.IsNullOrEmpty(await KestrelSip2Host.ReadToCloseAsync(proxy)));
        Assert.Empty(host.Backend.RemoteAddresses);
    }

    [Fact]
    public async Task A_header_from_an_untrusted_peer_is_refused_whatever_it_claims()
    {
        await using var host = await StartBehindProxyAsync();
        using var spoofer = await host.ConnectRawAsync(IPAddress.Parse("127.0.0.5"));

        await spoofer.SendAsync(Encoding.ASCII.GetBytes("PROXY TCP4 127.0.0.2 127.0.0.1 40000 6001\r\n" + Checkout));

        Assert.True(string.IsNullOrEmpty(await KestrelSip2Host.ReadToCloseAsync(spoofer)));
        Assert.Empty(host.Backend.RemoteAddresses);
    }

    [Theory]
    [InlineData("PROXY TCP4 127.0.0.2 127.0")] // v1 cut short
    [InlineData("v2")] // v2 cut short inside its address block
    public async Task A_truncated_header_is_refused_when_the_proxy_stops_sending(string header)
    {
        await using var host = await StartBehindProxyAsync();
        using var proxy = await host.ConnectRawAsync(IPAddress.Loopback);
        var bytes = header == "v2" ? V2Header(Kiosk, IPAddress.Loopback)[..20] : Encoding.ASCII.GetBytes(header);

        await proxy.SendAsync(bytes);
        proxy.Shutdown(SocketShutdown.Send); // the end of the stream arrives before the header's end

        Assert.True(string.IsNullOrEmpty(await KestrelSip2Host.ReadToCloseAsync(proxy)));
        Assert.Empty(host.Backend.RemoteAddresses);
    }

    [Fact]
    public async Task A_malformed_header_is_refused_at_once()
    {
        await using var host = await StartBehindProxyAsync();
        using var proxy = await host.ConnectRawAsync(IPAddress.Loopback);

        await proxy.SendAsync(Encoding.ASCII.GetBytes("PROXY TCP4 127.0.0.2 nonsense\r\n" + Checkout));

        Assert.True(string.IsNullOrEmpty(await KestrelSip2Host.ReadToCloseAsync(proxy)));
        Assert.Empty(host.Backend.RemoteAddresses);
    }

    [Fact]
    public void A_proxy_endpoint_without_trusted_proxies_is_refused_when_declared()
    {
        var kestrel = new Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions();

        Assert.Throws<ArgumentException>(() => Microsoft.AspNetCore.Hosting.Sip2KestrelServerOptionsExtensions.ListenSip2(
            kestrel, new Sip2ListenEndpoint { EndPoint = new IPEndPoint(IPAddress.Loopback, 0), ProxyProtocol = true }));
    }
}
