using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Access;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.Server;
using Sip2.Net.Testing;
using Sip2.Net.Tests.Access;
using Sip2.Net.Tests.Messages;

namespace Sip2.Net.Tests.Server;

/// <summary>
/// Hostile bytes through the whole connection pipeline (framing, parsing, checksums, session, dispatch, output),
/// over in-memory pipes: one handler for all cases, as a server has.
/// </summary>
public sealed class ConnectionPipelineProperties : IDisposable
{
    private static readonly IPAddress Kiosk = AccessFixture.Kiosk; // registered by InMemoryConnection, no login needed
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly ConcurrentQueue<(LogLevel Level, int Id)> logs = new();
    private readonly EventRecorder loggerFactory;
    private readonly Sip2ConnectionHandler handler;

    public ConnectionPipelineProperties()
    {
        loggerFactory = new EventRecorder(logs);

        // The fake clock never moves, so no timeout ends a connection: every close is the pipeline's own doing.
        handler = InMemoryConnection.HandlerAsync(
            new FakeTimeProvider(DateTimeOffset.UtcNow),
            new Sip2ServerOptions { MaxMessageLength = 512, MaxPendingOutput = 1024 },
            new EchoBackend(),
            loggerFactory).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        handler.Dispose();
        loggerFactory.Dispose();
    }

    [Property(MaxTest = 150)]
    public Property Mutated_and_random_bytes_get_protocol_answers_or_a_clean_close_and_the_server_still_serves()
    {
        var vectors = GoldenVectorTests.Vectors.Values.Select(v => Sip2Encoding.Ibm850.GetBytes(v.Wire + "\r")).ToArray();
        var edit =
            from kind in Gen.Choose(0, 2)
            from position in Gen.Choose(0, 600)
            from value in Gen.Choose(0, 255)
            select (Kind: kind, Position: position, Value: value);
        var mutated =
            from frame in Gen.Elements(vectors)
            from edits in Gen.ListOf(edit, 4)
            select Mutate(frame, edits);
        var random =
            from length in Gen.Choose(0, 700)
            from values in Gen.ListOf(Gen.Choose(0, 255), length)
            select values.Select(b => (byte)b).ToArray();
        var piece = Gen.Frequency((4, mutated), (1, random), (1, Gen.Elements(vectors)));
        var stream =
            from count in Gen.Choose(1, 6)
            from pieces in Gen.ListOf(piece, count)
            let bytes = pieces.SelectMany(p => p).ToArray()
            from chunks in Sip2Generators.Split(bytes)
            select chunks.Select(c => c.ToArray()).ToArray();

        return Prop.ForAll(stream.ToArbitrary(), chunks =>
        {
            var (output, run) = ConverseAsync(chunks).GetAwaiter().GetResult();

            Assert.True(run.IsCompletedSuccessfully, run.Exception?.ToString() ?? "the connection did not end");
            Assert.DoesNotContain(logs, e => e.Id == 1016); // "connection failed unexpectedly": an exception escaped
            var responses = Responses(output, out var rest);
            foreach (var response in responses)
            {
                var parsed = Sip2MessageParser.Parse(response, new Sip2CodecOptions { Encoding = Sip2Encoding.Ibm850 });
                Assert.True(parsed.IsSuccess, $"{parsed.Error}: {Sip2Encoding.Ibm850.GetString(response)}");
                Assert.False(parsed.Message!.Descriptor.IsRequest, parsed.Message.Command.ToString());
            }

            Assert.Empty(rest); // nothing half-written before the close

            // The same handler still serves a fresh connection.
            var (fresh, freshRun) = ConverseAsync([Sip2Encoding.Ibm850.GetBytes("9900302.00\r")]).GetAwaiter().GetResult();
            Assert.True(freshRun.IsCompletedSuccessfully);
            Assert.StartsWith("98", Sip2Encoding.Ibm850.GetString(fresh), StringComparison.Ordinal);
            Assert.Equal(0, handler.ConnectionCount);
        });
    }

    // One connection: the chunks as separate writes, then the client's end of input; returns all the server sent.
    private async Task<(byte[] Output, Task Run)> ConverseAsync(IEnumerable<byte[]> chunks)
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        var run = handler.RunAsync(new InMemoryConnection.Duplex(toServer.Reader, toClient.Writer), Kiosk);
        var reading = ReadAllAsync(toClient.Reader);
        foreach (var chunk in chunks)
        {
            var flushed = await toServer.Writer.WriteAsync(chunk);
            if (flushed.IsCompleted)
            {
                break; // the server closed the connection: the rest has no reader
            }
        }

        await toServer.Writer.CompleteAsync();
        var output = await reading.WaitAsync(Bound);
        await Task.WhenAny(run, Task.Delay(Bound));
        return (output, run);
    }

    private static async Task<byte[]> ReadAllAsync(PipeReader reader)
    {
        while (true)
        {
            var read = await reader.ReadAsync();
            if (read.IsCompleted)
            {
                var all = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                await reader.CompleteAsync();
                return all;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static List<byte[]> Responses(byte[] output, out byte[] rest)
    {
        var responses = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < output.Length; i++)
        {
            if (output[i] == (byte)'\r')
            {
                responses.Add(output[start..i]);
                start = i + 1 < output.Length && output[i + 1] == (byte)'\n' ? i + 2 : i + 1;
                i = start - 1;
            }
        }

        rest = output[start..];
        return responses;
    }

    // Kind 0 replaces a byte, 1 inserts one, 2 deletes one.
    private static byte[] Mutate(byte[] frame, IEnumerable<(int Kind, int Position, int Value)> edits)
    {
        var bytes = frame.ToList();
        foreach (var (kind, position, value) in edits)
        {
            var at = bytes.Count == 0 ? 0 : position % bytes.Count;
            switch (kind)
            {
                case 0 when bytes.Count > 0:
                    bytes[at] = (byte)value;
                    break;
                case 1:
                    bytes.Insert(at, (byte)value);
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
            }
        }

        return [.. bytes];
    }

    // Answers what reaches the back end with the request's own values, so hostile bytes travel into responses.
    private sealed class EchoBackend : Sip2BackendBase
    {
        public override ValueTask<string?> FindPatronInstitutionAsync(string patronIdentifier, Sip2RequestContext context) => new(context.InstitutionId);

        public override ValueTask<Sip2ItemOwner?> FindItemOwnerAsync(string itemIdentifier, Sip2RequestContext context) => new(new Sip2ItemOwner(context.InstitutionId));

        public override ValueTask<ItemInformationResponse> ItemInformationAsync(ItemInformationRequest request, Sip2RequestContext context) =>
            new(new ItemInformationResponse { CirculationStatus = CirculationStatus.Available, TransactionDate = context.Now, ItemIdentifier = request.ItemIdentifier, TitleIdentifier = request.ItemIdentifier });

        public override ValueTask<CheckoutResponse> CheckoutAsync(CheckoutRequest request, Sip2RequestContext context) =>
            new(new CheckoutResponse
            {
                Ok = true, TransactionDate = context.Now, InstitutionId = context.InstitutionId, PatronIdentifier = request.PatronIdentifier,
                ItemIdentifier = request.ItemIdentifier, TitleIdentifier = request.ItemIdentifier, DueDate = "20991231    235959",
            });

        public override ValueTask<PatronStatusResponse> PatronStatusAsync(PatronStatusRequest request, Sip2RequestContext context) =>
            new(new PatronStatusResponse
            {
                Language = Sip2Language.English, TransactionDate = context.Now, InstitutionId = context.InstitutionId,
                PatronIdentifier = request.PatronIdentifier, PersonalName = request.PatronIdentifier,
            });
    }

    // Every level on, so every log call formats (as a real sink would) and is counted.
    private sealed class EventRecorder(ConcurrentQueue<(LogLevel, int)> events) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new Recorder(events);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Recorder(ConcurrentQueue<(LogLevel, int)> events) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                _ = formatter(state, exception);
                events.Enqueue((logLevel, eventId.Id));
            }
        }
    }
}
