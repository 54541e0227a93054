using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Server;
using Sip2.Net.Tests.Access;

namespace Sip2.Net.Tests.Server;

/// <summary>
/// The connection's read timer ends a read by cancelling it (PipeReader.CancelPendingRead) and the loop then checks
/// the clock. A cancellation that comes when the deadline has not passed (the timer fired just as data arrived)
/// must cost nothing: whatever the cancelled read carries is answered, and the connection reads on.
/// </summary>
public sealed class CancelledReadTests
{
    [Fact]
    public async Task A_read_cancelled_before_its_deadline_is_answered_and_the_connection_reads_on()
    {
        // The fake clock never moves: no deadline passes.
        using var handler = await InMemoryConnection.HandlerAsync(new FakeTimeProvider(DateTimeOffset.UtcNow), new Sip2ServerOptions());
        var toServer = new Pipe();
        var toClient = new Pipe();

        // A request is waiting and the next read is cancelled before the connection even starts: its first read
        // comes back cancelled and carrying the request.
        await toServer.Writer.WriteAsync(Encoding.ASCII.GetBytes("9900302.00\r"));
        toServer.Reader.CancelPendingRead();
        var run = handler.RunAsync(new InMemoryConnection.Duplex(toServer.Reader, toClient.Writer), AccessFixture.Kiosk);

        Assert.StartsWith("98", await ReadLineAsync(toClient.Reader), StringComparison.Ordinal);

        // And a cancellation while the connection waits for the next request ends nothing either.
        toServer.Reader.CancelPendingRead();
        await toServer.Writer.WriteAsync(Encoding.ASCII.GetBytes("9900302.00\r"));
        Assert.StartsWith("98", await ReadLineAsync(toClient.Reader), StringComparison.Ordinal);

        await toServer.Writer.CompleteAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, handler.ConnectionCount);
    }

    private static async Task<string> ReadLineAsync(PipeReader reader)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var read = await reader.ReadAsync(limit.Token);
            if (read.Buffer.PositionOf((byte)'\r') is { } end)
            {
                var line = Encoding.ASCII.GetString(read.Buffer.Slice(0, end).ToArray());
                reader.AdvanceTo(read.Buffer.GetPosition(1, end));
                return line;
            }

            Assert.False(read.IsCompleted, "the connection ended without answering");
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }
}
