using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Resolution;
using Sip2.Net.Server;

namespace Sip2.Net.Benchmarks;

/// <summary>The servers the load tool drives, always on 127.0.0.1.</summary>
public static class BenchServers
{
    /// <summary>
    /// The SIP2 server: one login-free registration for 127.0.0.1, a back end that answers at once, logging off.
    /// <paramref name="hostMode"/> is <c>standalone</c> (the library's own listener, <see cref="Sip2Server"/>) or
    /// <c>kestrel</c> (the same engine behind ASP.NET Core's Kestrel, Sip2.Net.AspNetCore), or <c>kestrel-inline</c>
    /// (Kestrel with its socket transport's <c>UnsafePreferInlineScheduling</c>, see <see cref="QuietBuilder"/>). With
    /// a control port, a connection to it gets one line of memory figures.
    /// </summary>
    public static Task<int> RunSip2Async(int port, int controlPort, string hostMode, CancellationToken stop) => hostMode switch
    {
        "standalone" => RunStandaloneAsync(port, controlPort, stop),
        "kestrel" or "kestrel-inline" => RunKestrelAsync(port, controlPort, hostMode, stop),
        _ => Unknown(hostMode),
    };

    private static Task<int> Unknown(string hostMode)
    {
        Console.Error.WriteLine($"unknown host mode '{hostMode}' (standalone, kestrel or kestrel-inline)");
        return Task.FromResult(2);
    }

    /// <summary>The same options in both host modes (the endpoint is only used by the standalone listener).</summary>
    private static Sip2ServerOptions Options(Sip2ServerOptions options, int port) => options with
    {
        Endpoints = [new Sip2ListenEndpoint { EndPoint = new IPEndPoint(IPAddress.Loopback, port) }],
        // Every load connection comes from 127.0.0.1; the idle test opens 10,000 of them.
        MaxConnections = 20_000,
        MaxConnectionsPerAddress = 20_000,
        ShutdownTimeout = TimeSpan.FromSeconds(2),
    };

    private static async Task Must(ValueTask<Sip2RegistryError?> write)
    {
        if (await write is { } error)
        {
            throw new InvalidOperationException(error.ToString());
        }
    }

    /// <summary>One institution and branch, and a login-free registration for 127.0.0.1 (sessions are bound at admission).</summary>
    private static async Task RegisterAsync(ISip2RegistryStore registry, CancellationToken stop)
    {
        await Must(registry.SaveInstitutionAsync(new Sip2Institution { Id = "main", Name = "Main Library" }, cancellationToken: stop));
        await Must(registry.SaveBranchConfigurationAsync(new Sip2BranchConfiguration
        {
            InstitutionId = "main", BranchId = "central", LibraryName = "Main Library", TerminalLocation = "Kiosk",
        }, cancellationToken: stop));
        (await registry.CreateAsync(new Sip2ClientRegistration { IPAddress = IPAddress.Loopback, InstitutionId = "main", BranchId = "central" }, cancellationToken: stop))
            .GetValueOrThrow();
    }

    /// <summary>
    /// The SIP2 engine of the standalone mode: the in-memory registry and directory with the 127.0.0.1
    /// registration, the immediate back end, the benchmark's options. Also what the in-process
    /// <see cref="ConnectionBenchmarks"/> drive.
    /// </summary>
    internal static async Task<Sip2ConnectionHandler> CreateHandlerAsync(int port, CancellationToken stop)
    {
        var registry = new InMemorySip2RegistryStore(Sip2RegistryOptions.AllowLocalNetworks);
        await RegisterAsync(registry, stop);
        var policy = new Sip2RegistryAccessPolicy(registry, registry);
        return new Sip2ConnectionHandler(policy, new ImmediateBackend(), Options(new Sip2ServerOptions(), port), registry: registry);
    }

    private static async Task<int> RunStandaloneAsync(int port, int controlPort, CancellationToken stop)
    {
        using var handler = await CreateHandlerAsync(port, stop);
        await using var server = new Sip2Server(handler);
        await server.StartAsync(stop);
        Console.WriteLine($"sip2 server (standalone) listening on 127.0.0.1:{server.BoundEndpoints[0].Port}");
        var control = controlPort > 0 ? ServeControlAsync(controlPort, () => handler.ConnectionCount, stop) : Task.CompletedTask;
        await WaitAsync(stop);
        await control;
        return 0;
    }

    /// <summary>
    /// Kestrel hosting: a slim web application with no HTTP endpoint, <c>AddSip2Server(...).UseKestrel()</c> and
    /// <c>ListenSip2(127.0.0.1, port)</c>; the registry, directory and back end are the standalone mode's, and logging
    /// has no provider and a minimum level of None.
    /// </summary>
    private static async Task<int> RunKestrelAsync(int port, int controlPort, string hostMode, CancellationToken stop)
    {
        var builder = QuietBuilder(hostMode);
        builder.Services.AddSip2Server(o => Options(o, port))
            .AddBackend(new ImmediateBackend())
            .ConfigureRegistry(Sip2RegistryOptions.AllowLocalNetworks)
            .UseKestrel();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenSip2(IPAddress.Loopback, port));
        await using var app = builder.Build();
        await RegisterAsync(app.Services.GetRequiredService<ISip2RegistryStore>(), stop);
        await app.StartAsync(stop);
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        Console.WriteLine($"sip2 server ({hostMode}) listening on {string.Join(", ", addresses)}");
        var handler = app.Services.GetRequiredService<Sip2ConnectionHandler>();
        return await ServeUntilStoppedAsync(app, controlPort, () => handler.ConnectionCount, stop);
    }

    // A slim web application that logs nothing: no provider, a minimum level of None. In kestrel-inline mode the
    // socket transport runs the application's code on the thread that completed the socket operation, instead of
    // handing each read and each send to another thread-pool work item: the threading of the standalone listener.
    private static WebApplicationBuilder QuietBuilder(string hostMode)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.None);
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = hostMode == "kestrel-inline");
        return builder;
    }

    // Serves the control port until the stop, then stops the started application (five seconds at most).
    private static async Task<int> ServeUntilStoppedAsync(WebApplication app, int controlPort, Func<int> connections, CancellationToken stop)
    {
        var control = controlPort > 0 ? ServeControlAsync(controlPort, connections, stop) : Task.CompletedTask;
        await WaitAsync(stop);
        await control;
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(stopping.Token);
        return 0;
    }

    /// <summary>
    /// The baseline: the same socket and pipe set-up as the standalone server, answering each CR-terminated line
    /// with a fixed line of the same size. What is left between it and the SIP2 server is the SIP2 work. With
    /// <paramref name="hostMode"/> <c>kestrel</c> (or <c>kestrel-inline</c>), the same line answerer behind Kestrel's
    /// socket transport, the SIP2 server's Kestrel mode without the SIP2 work: what Kestrel's transport costs on its own.
    /// <paramref name="allocatePerLine"/> bytes of short-lived garbage per line answered (a diagnostic, see
    /// <see cref="AnswerLinesAsync"/>; 0 for the baseline itself).
    /// </summary>
    public static Task<int> RunBaselineAsync(int port, int controlPort, string hostMode, int allocatePerLine, CancellationToken stop) => hostMode switch
    {
        "standalone" => RunBaselineAsync(port, controlPort, allocatePerLine, stop),
        "kestrel" or "kestrel-inline" => RunKestrelBaselineAsync(port, controlPort, hostMode, allocatePerLine, stop),
        _ => Unknown(hostMode),
    };

    private static async Task<int> RunKestrelBaselineAsync(int port, int controlPort, string hostMode, int allocatePerLine, CancellationToken stop)
    {
        var builder = QuietBuilder(hostMode);
        var open = 0;
        var filler = Filler();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Run(async connection =>
        {
            Interlocked.Increment(ref open);
            try
            {
                await AnswerLinesAsync(connection.Transport.Input, connection.Transport.Output, filler, allocatePerLine);
            }
            finally
            {
                Interlocked.Decrement(ref open);
            }
        })));
        await using var app = builder.Build();
        await app.StartAsync(stop);
        Console.WriteLine($"baseline server ({hostMode}) listening on 127.0.0.1:{port}");
        return await ServeUntilStoppedAsync(app, controlPort, () => Volatile.Read(ref open), stop);
    }

    private static byte[] Filler()
    {
        var filler = new byte[64 * 1024];
        filler.AsSpan().Fill((byte)'x');
        return filler;
    }

    private static async Task<int> RunBaselineAsync(int port, int controlPort, int allocatePerLine, CancellationToken stop)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(512);
        Console.WriteLine($"baseline server listening on 127.0.0.1:{((IPEndPoint)listener.LocalEndPoint!).Port}");
        var open = 0;
        var control = controlPort > 0 ? ServeControlAsync(controlPort, () => Volatile.Read(ref open), stop) : Task.CompletedTask;
        var filler = Filler();
        using var registration = stop.Register(listener.Dispose);
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stop);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                break;
            }

            _ = Task.Run(async () =>
            {
                Interlocked.Increment(ref open);
                try
                {
                    await ServeBaselineAsync(client, filler, allocatePerLine);
                }
                catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
                {
                }
                finally
                {
                    Interlocked.Decrement(ref open);
                }
            }, CancellationToken.None);
        }

        await control;
        return 0;
    }

    private static async Task ServeBaselineAsync(Socket client, byte[] filler, int allocatePerLine)
    {
        client.NoDelay = true;
        await using var stream = new NetworkStream(client, ownsSocket: true);
        var input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: true, useZeroByteReads: true));
        var output = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        await AnswerLinesAsync(input, output, filler, allocatePerLine);
        await input.CompleteAsync();
        await output.CompleteAsync();
    }

    // Where the garbage goes: stored, so the JIT cannot leave the allocations out; per thread, so that the stores do
    // not share one cache line between the cores.
    [ThreadStatic]
    private static byte[]? garbage;

    // The garbage comes in arrays of 80 bytes each on a 64-bit runtime: 24 of header and length, 56 of data.
    private const int GarbageArrayBytes = 80;
    private const int ArrayOverheadBytes = 24;

    /// <summary>
    /// The baseline's work: answers each CR-terminated line with as many bytes of <paramref name="filler"/> and a
    /// CR, flushing once per read, until the input completes. Also the baseline of the in-process
    /// <see cref="ConnectionBenchmarks"/>. With <paramref name="allocatePerLine"/>, it also allocates that many bytes
    /// per line in 80-byte arrays that die at once: what the SIP2 server's allocation rate costs under load, with
    /// nothing else of the SIP2 work (docs/performance.md, "Tried, and what it showed").
    /// </summary>
    public static async Task AnswerLinesAsync(PipeReader input, PipeWriter output, byte[] filler, int allocatePerLine = 0)
    {
        while (true)
        {
            var read = await input.ReadAsync();
            var buffer = read.Buffer;
            var wrote = false;
            while (buffer.PositionOf((byte)'\r') is { } end)
            {
                var line = buffer.Slice(0, end);
                var length = (int)line.Length;
                // Skip the LF of a CRLF left at the start of the line.
                if (length > 0 && line.FirstSpan[0] == (byte)'\n')
                {
                    length--;
                }

                for (var allocated = 0; allocated < allocatePerLine; allocated += GarbageArrayBytes)
                {
                    garbage = new byte[GarbageArrayBytes - ArrayOverheadBytes];
                }

                output.Write(filler.AsSpan(0, Math.Min(length, filler.Length)));
                output.Write("\r"u8);
                wrote = true;
                buffer = buffer.Slice(buffer.GetPosition(1, end));
            }

            if (wrote)
            {
                await output.FlushAsync();
            }

            input.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Each connection to the control port sends one line, <c>memory</c> or <c>counters</c>, and gets one line back:
    /// open connections, bytes allocated so far, the count of gen0 collections and the process's CPU time (µs); for
    /// <c>memory</c> also the working set and managed heap after a full collection, with the collections and CPU time
    /// counted before and after it, so that the load tool can leave the collection it forced out of what it measures
    /// (for <c>counters</c> nothing is forced, and both counts agree).
    /// </summary>
    private static async Task ServeControlAsync(int port, Func<int> connections, CancellationToken stop)
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            using (client)
            {
                using var reader = new StreamReader(client.GetStream(), Encoding.ASCII, leaveOpen: true);
                var memory = await reader.ReadLineAsync(stop) != "counters";
                // Collections so far, before this query's own forced ones (and after them, below), so that the
                // load tool can tell how many the load caused.
                var collections = GC.CollectionCount(0);
                var cpu = ProcessorMicroseconds();
                long workingSet = 0, managed = 0;
                if (memory)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                    managed = GC.GetTotalMemory(forceFullCollection: true);
                    using var process = Process.GetCurrentProcess();
                    process.Refresh();
                    workingSet = process.WorkingSet64;
                }

                var line = $"connections={connections()} workingSet={workingSet} managed={managed} allocated={GC.GetTotalAllocatedBytes(precise: true)} gcs={collections} gcsForced={GC.CollectionCount(0)} cpu={cpu} cpuForced={ProcessorMicroseconds()}\n";
                await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(line), stop);
            }
        }
    }

    /// <summary>User and kernel CPU time of this process so far, in microseconds.</summary>
    public static long ProcessorMicroseconds()
    {
        using var process = Process.GetCurrentProcess();
        return (long)process.TotalProcessorTime.TotalMicroseconds;
    }

    private static async Task WaitAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A back end that answers every request at once, synchronously, as a cache-hit ILS would.</summary>
    private sealed class ImmediateBackend : Sip2BackendBase
    {
        public override ValueTask<string?> FindPatronInstitutionAsync(string patronIdentifier, Sip2RequestContext context) => new(context.InstitutionId);

        public override ValueTask<Sip2ItemOwner?> FindItemOwnerAsync(string itemIdentifier, Sip2RequestContext context) => new(new Sip2ItemOwner(context.InstitutionId));

        private static readonly Sip2Timestamp Due = Sip2Timestamp.Local(new DateTime(2026, 1, 16, 23, 59, 0, DateTimeKind.Unspecified));

        public override ValueTask<PatronInformationResponse> PatronInformationAsync(PatronInformationRequest request, Sip2RequestContext context) =>
            new(new PatronInformationResponse
            {
                TransactionDate = context.Now, ChargedItemsCount = 3, InstitutionId = request.InstitutionId, PatronIdentifier = request.PatronIdentifier,
                PersonalName = "Jürgen Müller", ValidPatron = true, ValidPatronPassword = true,
                ChargedItems = ["312340000001", "312340000002", "312340000003"],
            });

        public override ValueTask<CheckoutResponse> CheckoutAsync(CheckoutRequest request, Sip2RequestContext context) =>
            new(new CheckoutResponse
            {
                Ok = true, Desensitize = true, MagneticMedia = false, TransactionDate = context.Now, InstitutionId = request.InstitutionId,
                PatronIdentifier = request.PatronIdentifier, ItemIdentifier = request.ItemIdentifier, TitleIdentifier = "Les Misérables",
                DueDate = Due.ToString(),
            });

        public override ValueTask<CheckinResponse> CheckinAsync(CheckinRequest request, Sip2RequestContext context) =>
            new(new CheckinResponse
            {
                Ok = true, Resensitize = true, MagneticMedia = false, TransactionDate = context.Now, InstitutionId = request.InstitutionId,
                ItemIdentifier = request.ItemIdentifier, PermanentLocation = "Zweigstelle Süd", TitleIdentifier = "Les Misérables",
            });
    }
}
