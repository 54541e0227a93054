using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Sip2.Net.Client;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.AspNetCore.Tests;

public sealed class KestrelHostingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_kiosk_logs_in_and_runs_status_patron_information_and_checkout_through_Kestrel(bool inlineScheduling)
    {
        await using var host = await KestrelSip2Host.StartAsync(inlineScheduling: inlineScheduling);
        await using var client = await host.ConnectAndLoginAsync();

        var status = await client.ScStatusAsync();
        var patron = await client.PatronInformationAsync("p1", PatronSummary.ChargedItems);
        var checkout = await client.CheckoutAsync("p1", "i1");

        Assert.Equal("http", host.Address.Scheme);
        Assert.True(status.OnlineStatus);
        Assert.Equal(("main", "Kestrel Branch"), (status.InstitutionId, status.LibraryName));
        Assert.Equal(("p1", "Pat Ron"), (patron.PatronIdentifier, patron.PersonalName));
        Assert.Equal(["item1"], patron.ChargedItems);
        Assert.True(checkout.Ok);
        Assert.Equal(("i1", "Pipelines in Practice"), (checkout.ItemIdentifier, checkout.TitleIdentifier));
        // The remote address came from Kestrel's connection, as admission and the back end see it.
        Assert.All(host.Backend.RemoteAddresses, a => Assert.Equal(IPAddress.Loopback, a));
        Assert.Equal(2, host.Backend.RemoteAddresses.Count);
        Assert.Equal(1, host.Handler.ConnectionCount);
    }

    [Fact]
    public async Task Responses_carry_the_request_sequence_number_and_a_corrupted_request_is_answered_with_96()
    {
        await using var host = await KestrelSip2Host.StartAsync();
        var received = new ConcurrentQueue<string>();
        var options = host.ClientOptions() with
        {
            RetryBudget = 1,
            WireObserver = (direction, text) =>
            {
                if (direction == Sip2WireDirection.Received)
                {
                    received.Enqueue(text);
                }
            },
        };
        await using var client = await host.ConnectAndLoginAsync(options);
        await client.ScStatusAsync();

        // AY0 was the login, AY1 the status; each response echoes its request's number under a valid checksum.
        Assert.Collection(
            received,
            login => Assert.Matches("^941AY0AZ[0-9A-F]{4}$", login),
            status => Assert.Matches("^98.*AY1AZ[0-9A-F]{4}$", status));
        Assert.All(received, r => Assert.True(Sip2MessageParser.Parse(Encoding.ASCII.GetBytes(r), new Sip2CodecOptions { ErrorDetection = Sip2ErrorDetectionMode.On }).IsSuccess, r));

        received.Clear();
        var error = await Assert.ThrowsAsync<Sip2ProtocolException>(() => client.SendRawAsync("9900302.00AY2AZ0000"));

        Assert.Equal(Sip2ProtocolFailure.RetryBudgetExhausted, error.Failure);
        Assert.Equal(["96", "96"], received.Select(r => r[..2]));
        Assert.True((await client.ScStatusAsync()).OnlineStatus); // the session survives a bad message
    }

    [Fact]
    public async Task A_TLS_endpoint_serves_SIP2_with_the_configured_certificate()
    {
        using var certificate = KestrelSip2Host.CreateCertificate();
        await using var host = await KestrelSip2Host.StartAsync(certificate);
        var options = host.ClientOptions() with
        {
            UseTls = true,
            TlsTargetHost = "localhost",
            // Trust exactly the certificate made for this test.
            RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(certificate.RawData),
        };

        await using var client = await host.ConnectAndLoginAsync(options);
        var checkout = await client.CheckoutAsync("p1", "i1");

        Assert.Equal("https", host.Address.Scheme);
        Assert.True(checkout.Ok);
        Assert.Equal(IPAddress.Loopback, Assert.Single(host.Backend.RemoteAddresses));
    }

    [Fact]
    public async Task A_plain_client_gets_no_SIP2_answer_from_a_TLS_endpoint()
    {
        using var certificate = KestrelSip2Host.CreateCertificate();
        await using var host = await KestrelSip2Host.StartAsync(certificate);
        using var socket = await host.ConnectRawAsync(IPAddress.Loopback);

        await socket.SendAsync(Encoding.ASCII.GetBytes("9900302.00\r"));

        // The bytes are not a TLS hello, so the handshake fails and the connection ends unanswered.
        Assert.DoesNotContain("98", await KestrelSip2Host.ReadToCloseAsync(socket) ?? "");
        Assert.Equal(0, host.Handler.ConnectionCount);
    }

    [Fact]
    public async Task A_connection_from_an_unregistered_address_is_closed_unanswered_while_a_registered_one_is_served()
    {
        await using var host = await KestrelSip2Host.StartAsync();
        var status = Encoding.ASCII.GetBytes("9900302.00\r");
        using var registered = await host.ConnectRawAsync(IPAddress.Loopback);
        using var unregistered = await host.ConnectRawAsync(IPAddress.Parse("127.0.0.9"));

        await registered.SendAsync(status);
        await unregistered.SendAsync(status);

        // SC Status before login is answered (the default), so silence means the address was refused.
        Assert.StartsWith("98", await KestrelSip2Host.ReadMessageAsync(registered));
        Assert.True(string.IsNullOrEmpty(await KestrelSip2Host.ReadToCloseAsync(unregistered)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Stopping_the_host_closes_idle_sessions_at_once_and_lets_a_request_in_flight_finish(bool inlineScheduling)
    {
        var host = await KestrelSip2Host.StartAsync(inlineScheduling: inlineScheduling);
        await using var _ = host;
        await using var busy = await host.ConnectAndLoginAsync();
        using var idle = await host.ConnectRawAsync(IPAddress.Loopback);
        await idle.SendAsync(Encoding.ASCII.GetBytes("9900302.00\r"));
        Assert.StartsWith("98", await KestrelSip2Host.ReadMessageAsync(idle)); // admitted and being served
        host.Backend.HoldCheckouts();
        var checkout = busy.CheckoutAsync("p1", "i1");
        await host.Backend.CheckoutEntered.Task;

        var stopping = host.App.StopAsync();

        // The idle session closes while the checkout is still held: the engine was told to stop before
        // Kestrel began waiting for its connections.
        Assert.True(string.IsNullOrEmpty(await KestrelSip2Host.ReadToCloseAsync(idle)));
        Assert.False(checkout.IsCompleted);
        host.Backend.ReleaseCheckouts();
        Assert.True((await checkout).Ok);
        await stopping;
        Assert.Equal(0, host.Handler.ConnectionCount);
        await Assert.ThrowsAsync<Sip2ConnectionException>(() => busy.ScStatusAsync());
    }

    // docs/kestrel.md: with inline scheduling the engine runs on the thread-pool thread that completed the read, as
    // under the standalone listener, so a back end that blocks that thread holds up its own connection only. (It
    // would hold up every connection if completions ran on the socket engine's epoll thread.)
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_back_end_that_blocks_its_thread_holds_up_only_its_own_connection(bool inlineScheduling)
    {
        await using var host = await KestrelSip2Host.StartAsync(inlineScheduling: inlineScheduling);
        await using var blocked = await host.ConnectAndLoginAsync();
        host.Backend.BlockCheckouts();
        var checkout = blocked.CheckoutAsync("p1", "i1");
        try
        {
            await host.Backend.CheckoutEntered.Task;

            // Bounded as a whole (a safety net, nothing is timed): if the blocked thread were the one that runs every
            // socket's completions, the test's own connect would never complete either.
            var status = await StatusOnAnotherConnectionAsync(host).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.StartsWith("98", status);
            Assert.False(checkout.IsCompleted);
        }
        finally
        {
            host.Backend.ReleaseCheckouts();
        }

        Assert.True((await checkout).Ok);

        static async Task<string> StatusOnAnotherConnectionAsync(KestrelSip2Host host)
        {
            using var other = await host.ConnectRawAsync(IPAddress.Loopback);
            await other.SendAsync(Encoding.ASCII.GetBytes("9900302.00\r"));
            return await KestrelSip2Host.ReadMessageAsync(other);
        }
    }

    [Fact]
    public async Task Kestrels_connection_limit_counts_SIP2_connections()
    {
        await using var host = await KestrelSip2Host.StartAsync(kestrelOptions: k => k.Limits.MaxConcurrentConnections = 1);
        await using var first = await host.ConnectAndLoginAsync();
        using var second = await host.ConnectRawAsync(IPAddress.Loopback);

        await second.SendAsync(Encoding.ASCII.GetBytes("9900302.00\r"));

        Assert.True(string.IsNullOrEmpty(await KestrelSip2Host.ReadToCloseAsync(second)));
        Assert.True((await first.ScStatusAsync()).OnlineStatus);
        Assert.Equal(1, host.Handler.ConnectionCount); // refused by Kestrel: the engine never saw it
    }
}
