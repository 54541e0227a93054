using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
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
    /// The SIP2 server: <see cref="BenchServerSettings.Logins"/> registrations on 127.0.0.1, each with its own login
    /// id and password (<see cref="BenchLogins"/>), so that every connection logs in; a back end that answers at once;
    /// logging off. <paramref name="hostMode"/> is <c>standalone</c> (the library's own listener,
    /// <see cref="Sip2Server"/>) or <c>kestrel</c> (the same engine behind ASP.NET Core's Kestrel, Sip2.Net.AspNetCore),
    /// or <c>kestrel-inline</c> (Kestrel with its socket transport's <c>UnsafePreferInlineScheduling</c>, see
    /// <see cref="QuietBuilder"/>). With a control port, a connection to it gets one line of figures (<see cref="BenchControl"/>).
    /// </summary>
    public static Task<int> RunSip2Async(int port, int controlPort, string hostMode, BenchServerSettings settings, CancellationToken stop) => hostMode switch
    {
        "standalone" => RunStandaloneAsync(port, controlPort, settings, stop),
        "kestrel" or "kestrel-inline" when settings.TlsPort == 0 => RunKestrelAsync(port, controlPort, hostMode, settings, stop),
        "kestrel" or "kestrel-inline" => Refuse("--tls-port is for the standalone host mode only"),
        _ => Unknown(hostMode),
    };

    private static Task<int> Unknown(string hostMode) => Refuse($"unknown host mode '{hostMode}' (standalone, kestrel or kestrel-inline)");

    private static Task<int> Refuse(string reason)
    {
        Console.Error.WriteLine(reason);
        return Task.FromResult(2);
    }

    /// <summary>The same options in both host modes (the endpoints are only used by the standalone listener).</summary>
    private static Sip2ServerOptions Options(Sip2ServerOptions options, int port, BenchServerSettings settings, X509Certificate2? certificate) => options with
    {
        Endpoints = certificate is null
            ? [new Sip2ListenEndpoint { EndPoint = new IPEndPoint(IPAddress.Loopback, port) }]
            : [new Sip2ListenEndpoint { EndPoint = new IPEndPoint(IPAddress.Loopback, port) },
               new Sip2ListenEndpoint { EndPoint = new IPEndPoint(IPAddress.Loopback, settings.TlsPort), Certificate = certificate }],
        MaxConnections = settings.MaxConnections,
        MaxConnectionsPerAddress = settings.MaxConnectionsPerAddress,
        IdleTimeout = settings.IdleTimeoutSeconds > 0 ? TimeSpan.FromSeconds(settings.IdleTimeoutSeconds) : options.IdleTimeout,
        ShutdownTimeout = TimeSpan.FromSeconds(2),
    };

    /// <summary>
    /// The SIP2 engine of the standalone mode: the in-memory registry and directory with the bench registrations,
    /// the immediate back end, the benchmark's options. Also what the in-process <see cref="ConnectionBenchmarks"/> drive.
    /// </summary>
    internal static async Task<Sip2ConnectionHandler> CreateHandlerAsync(int port, BenchServerSettings settings, X509Certificate2? certificate, CancellationToken stop)
    {
        var registry = await OpenRegistryAsync(settings, stop);
        Console.WriteLine($"registry: {settings.Registry}");
        Console.WriteLine(await BenchLogins.RegisterAsync(registry, settings, stop));
        var policy = new Sip2RegistryAccessPolicy(registry, registry);
        return new Sip2ConnectionHandler(policy, new ImmediateBackend(), Options(new Sip2ServerOptions(), port, settings, certificate), registry: registry);
    }

    // The registry the bench server admits from. A durable store answers admission and login from its snapshot as the
    // in-memory one does; measuring it under load says whether that holds.
    private static async Task<ISip2RegistryStore> OpenRegistryAsync(BenchServerSettings settings, CancellationToken stop)
    {
        ISip2RegistryStore store = settings.Registry switch
        {
            "sqlite" => new Sip2.Net.Sqlite.SqliteSip2RegistryStore(
                Path.Combine(Directory.CreateTempSubdirectory("sip2-bench-").FullName, "registry.db"), options: Sip2RegistryOptions.AllowLocalNetworks),
            "postgresql" => new Sip2.Net.PostgreSql.PostgreSqlSip2RegistryStore(
                settings.RegistryConnection ?? throw new ArgumentException("--registry postgresql needs --registry-connection"),
                new Sip2.Net.PostgreSql.PostgreSqlSip2RegistryStoreOptions { Schema = "bench_" + Guid.NewGuid().ToString("N") },
                Sip2RegistryOptions.AllowLocalNetworks),
            _ => new InMemorySip2RegistryStore(Sip2RegistryOptions.AllowLocalNetworks),
        };
        await store.InitializeAsync(stop);
        return store;
    }

    private static async Task<int> RunStandaloneAsync(int port, int controlPort, BenchServerSettings settings, CancellationToken stop)
    {
        using var certificate = settings.TlsPort > 0 ? LoadOrCreateCertificate(settings.TlsPfxPath) : null;
        using var handler = await CreateHandlerAsync(port, settings, certificate, stop);
        await using var server = new Sip2Server(handler);
        await server.StartAsync(stop);
        Console.WriteLine($"sip2 server (standalone) listening on {string.Join(", ", server.BoundEndpoints)}{(certificate is null ? "" : $" (the second with TLS, certificate {certificate.GetCertHashString()})")}");
        var control = controlPort > 0 ? BenchControl.ServeAsync(controlPort, () => handler.ConnectionCount, stop) : Task.CompletedTask;
        await BenchControl.WaitAsync(stop);
        await control;
        return 0;
    }

    /// <summary>
    /// The TLS endpoint's certificate: from a PKCS#12 file without password (the stress tool writes one, so that its
    /// clients can pin it), or a self-signed one for localhost made now.
    /// </summary>
    private static X509Certificate2 LoadOrCreateCertificate(string? pfxPath) =>
        pfxPath is null ? TestSupport.TestCertificates.CreateLocalhost() : X509CertificateLoader.LoadPkcs12FromFile(pfxPath, null);

    /// <summary>
    /// Kestrel hosting: a slim web application with no HTTP endpoint, <c>AddSip2Server(...).UseKestrel()</c> and
    /// <c>ListenSip2(127.0.0.1, port)</c>; the registry, directory and back end are the standalone mode's, and logging
    /// has no provider and a minimum level of None.
    /// </summary>
    private static async Task<int> RunKestrelAsync(int port, int controlPort, string hostMode, BenchServerSettings settings, CancellationToken stop)
    {
        var builder = QuietBuilder(hostMode);
        builder.Services.AddSip2Server(o => Options(o, port, settings, certificate: null))
            .AddBackend(new ImmediateBackend())
            .ConfigureRegistry(Sip2RegistryOptions.AllowLocalNetworks)
            .UseKestrel();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenSip2(IPAddress.Loopback, port));
        await using var app = builder.Build();
        Console.WriteLine(await BenchLogins.RegisterAsync(app.Services.GetRequiredService<ISip2RegistryStore>(), settings, stop));
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
        var control = controlPort > 0 ? BenchControl.ServeAsync(controlPort, connections, stop) : Task.CompletedTask;
        await BenchControl.WaitAsync(stop);
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
        var control = controlPort > 0 ? BenchControl.ServeAsync(controlPort, () => Volatile.Read(ref open), stop) : Task.CompletedTask;
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
}
