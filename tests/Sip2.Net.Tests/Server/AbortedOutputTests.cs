using System.IO.Pipelines;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Server;
using Sip2.Net.TestSupport;
using Sip2.Net.Tests.Access;

namespace Sip2.Net.Tests.Server;

/// <summary>
/// A client that never takes its answers, over a stream transport (the standalone listener's: a pipe writer over
/// the socket's stream): once the write timeout closes the connection, the connection must let go of the transport
/// at once, not wait to write out what it still holds.
/// </summary>
public sealed class AbortedOutputTests
{
    [Fact]
    public async Task A_connection_closed_for_not_reading_drops_its_pending_output_instead_of_waiting_to_write_it()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var handler = await InMemoryConnection.HandlerAsync(time, new Sip2ServerOptions { WriteTimeout = TimeSpan.FromSeconds(30) });
        var requests = new Pipe();
        var socket = new StreamThatNeverTakesBytes();
        var output = PipeWriter.Create(socket);

        var run = handler.RunAsync(new InMemoryConnection.Duplex(requests.Reader, output), AccessFixture.Kiosk);
        await requests.Writer.WriteAsync(Encoding.ASCII.GetBytes("9900302.00\r"));
        await socket.WriteStarted.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the answer is stuck on its way out

        // The write timeout runs on the fake clock: moved past it once the connection waits for its client.
        await FakeClock.AdvanceAsync(handler, time, TimeSpan.FromSeconds(30) + FakeClock.Heartbeat);
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(run.IsCompletedSuccessfully, "the connection still holds its transport, waiting to write to a client that does not read");
        Assert.Equal(1, socket.Writes); // the answer was tried once, not again on the way out
        Assert.Equal(0, handler.ConnectionCount);
    }

    // A socket whose peer never reads: every write waits until it is cancelled.
    private sealed class StreamThatNeverTakesBytes : Stream
    {
        private int writes;

        public TaskCompletionSource WriteStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Writes => Volatile.Read(ref writes);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref writes);
            WriteStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Only asynchronous writes are expected.");

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
