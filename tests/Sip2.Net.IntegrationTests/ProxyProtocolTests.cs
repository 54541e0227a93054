using System.Net;
using Sip2.Net.Server;

namespace Sip2.Net.IntegrationTests;

public class ProxyProtocolTests
{
    private static Task<TestServer> StartBehindProxyAsync(TimeSpan? headerDeadline = null, Microsoft.Extensions.Time.Testing.FakeTimeProvider? time = null) =>
        TestServer.StartAsync(o => o with
        {
            PartialMessageTimeout = headerDeadline ?? o.PartialMessageTimeout,
            Endpoints =
            [
                new Sip2ListenEndpoint
                {
                    EndPoint = new IPEndPoint(IPAddress.Loopback, 0),
                    ProxyProtocol = true,
                    TrustedProxies = [Sip2IPNetwork.Parse("127.0.0.1/32")],
                },
            ],
        }, time);

    [Fact]
    public async Task The_address_in_the_header_is_the_one_admitted()
    {
        await using var server = await StartBehindProxyAsync();
        using var proxy = await server.RawAsync("127.0.0.1");

        // 127.0.0.2 has a login-free registration; 127.0.0.1 (the proxy itself) would need a login.
        await proxy.SendAsync("PROXY TCP4 127.0.0.2 127.0.0.1 40000 6001\r\n9900302.00\r");

        Assert.Contains("AOalpha|", await proxy.ReceiveAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_from_an_untrusted_address_is_refused()
    {
        await using var server = await StartBehindProxyAsync();
        using var spoofer = await server.RawAsync("127.0.0.5");

        await spoofer.SendAsync("PROXY TCP4 127.0.0.2 127.0.0.1 40000 6001\r\n9900302.00\r");

        Assert.True(await spoofer.WaitForCloseAsync());
        Assert.Contains(server.Logs.Lines, l => l.Contains("not a trusted proxy"));
    }

    [Theory]
    [InlineData("9900302.00\r")] // missing
    [InlineData("PROXY TCP4 127.0.0.2 nonsense\r\n9900302.00\r")] // malformed
    public async Task A_missing_or_malformed_header_closes_the_connection(string bytes)
    {
        await using var server = await StartBehindProxyAsync();
        using var proxy = await server.RawAsync("127.0.0.1");

        await proxy.SendAsync(bytes);

        Assert.True(await proxy.WaitForCloseAsync());
    }

    [Fact]
    public async Task A_header_that_never_completes_is_given_up_on()
    {
        var time = new Sip2.Net.TestSupport.WatchedFakeTimeProvider();
        await using var server = await StartBehindProxyAsync(TimeSpan.FromSeconds(30), time);
        var timers = time.Timers;
        using var proxy = await server.RawAsync("127.0.0.1");

        await proxy.SendAsync("PROXY TCP4 127.0.0.2"); // and nothing more
        await time.TimerCreatedAfterAsync(timers); // the header's deadline is set
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.True(await proxy.WaitForCloseAsync());
        // The deadline closes the stream under the read; the refusal is logged as the read ends, just after.
        Assert.NotNull(await server.Logs.WaitForAsync(l => l.Contains("no complete PROXY header in time"), TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void A_proxy_endpoint_without_trusted_proxies_is_a_configuration_error()
    {
        var options = new Sip2ServerOptions { Endpoints = [new Sip2ListenEndpoint { EndPoint = new IPEndPoint(IPAddress.Loopback, 0), ProxyProtocol = true }] };

        Assert.Throws<ArgumentException>(options.Validate);
    }
}
