using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;
using Sip2.Net.Client;
using Sip2.Net.Messages;
using Sip2.Net.Resolution;
using Sip2.Net.Server;
using static Sip2.Net.TestSupport.StoreSeeding;

namespace Sip2.Net.AspNetCore.Tests;

/// <summary>
/// A real web application whose Kestrel serves SIP2 on 127.0.0.1 (a free port), with one institution, one
/// branch and a registration for 127.0.0.1 that logs in as <see cref="LoginId"/>.
/// </summary>
internal sealed class KestrelSip2Host : IAsyncDisposable
{
    public const string LoginId = "kiosk";
    public const string Password = "kiosk-secret";
    public const string Institution = "main";

    private KestrelSip2Host(WebApplication app, TestBackend backend, Uri address)
    {
        App = app;
        Backend = backend;
        Address = address;
    }

    public WebApplication App { get; }

    public TestBackend Backend { get; }

    /// <summary>The SIP2 endpoint as Kestrel reports it (http:// or https:// with the bound port).</summary>
    public Uri Address { get; }

    public int Port => Address.Port;

    public Sip2ConnectionHandler Handler => App.Services.GetRequiredService<Sip2ConnectionHandler>();

    public static async Task<KestrelSip2Host> StartAsync(
        X509Certificate2? certificate = null,
        Func<Sip2ServerOptions, Sip2ServerOptions>? options = null,
        Action<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>? kestrelOptions = null,
        Sip2ListenEndpoint? endpoint = null,
        TimeProvider? time = null,
        ILoggerProvider? logs = null,
        bool inlineScheduling = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // docs/kestrel.md describes the socket transport's inline scheduling for busy SIP2 servers, and when not to use
        // it: the tests that take this flag run under both schedulings.
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = inlineScheduling);
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        }

        if (time is not null)
        {
            builder.Services.AddSingleton(time); // AddSip2Server keeps a clock already registered
        }

        var backend = new TestBackend();
        builder.Services.AddSip2Server(options)
            .AddBackend(backend)
            .ConfigureRegistry(new Sip2RegistryOptions { AllowLoopback = true })
            .UseKestrel();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrelOptions?.Invoke(kestrel);
            if (endpoint is not null)
            {
                kestrel.ListenSip2(endpoint);
            }
            else if (certificate is null)
            {
                kestrel.ListenSip2(IPAddress.Loopback, 0);
            }
            else
            {
                kestrel.ListenSip2(IPAddress.Loopback, 0, certificate);
            }
        });

        var app = builder.Build();
        try
        {
            await RegisterKioskAsync(app.Services);
            await app.StartAsync();

            // Kestrel reports every bound endpoint here, SIP2 ones included, with the port it picked.
            var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new KestrelSip2Host(app, backend, new Uri(Assert.Single(addresses)));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Registers a login-free kiosk at <paramref name="address"/> for the host's institution.</summary>
    public async Task RegisterAsync(IPAddress address)
    {
        var created = await App.Services.GetRequiredService<ISip2ClientRegistry>().CreateAsync(new Sip2ClientRegistration
        {
            IPAddress = address,
            InstitutionId = Institution,
            BranchId = "MAIN",
        });
        Assert.True(created.Succeeded, created.ToString());
    }

    public Sip2ClientOptions ClientOptions() => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        InstitutionId = Institution,
        LocationCode = "desk1",
        // Safety nets so a broken server fails the test instead of hanging it; nothing is timed.
        ConnectTimeout = TimeSpan.FromSeconds(30),
        ResponseTimeout = TimeSpan.FromSeconds(30),
    };

    public async Task<Sip2Client> ConnectAndLoginAsync(Sip2ClientOptions? options = null)
    {
        var client = new Sip2Client(options ?? ClientOptions());
        try
        {
            await client.ConnectAsync();
            await client.LoginAsync(LoginId, Password);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>A raw TCP connection to the SIP2 endpoint from <paramref name="localAddress"/> (any loopback address).</summary>
    public async Task<Socket> ConnectRawAsync(IPAddress localAddress)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(localAddress, 0));
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads until the server closes the connection; returns what arrived before, or null if the server reset it.
    /// </summary>
    public static async Task<string?> ReadToCloseAsync(Socket socket)
    {
        var received = new StringBuilder();
        var buffer = new byte[1024];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer).WaitAsync(TimeSpan.FromSeconds(30))) > 0)
            {
                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
        {
            return null;
        }

        return received.ToString();
    }

    /// <summary>Reads one CR-terminated message.</summary>
    public static async Task<string> ReadMessageAsync(Socket socket)
    {
        var received = new StringBuilder();
        var buffer = new byte[1];
        while (await socket.ReceiveAsync(buffer).WaitAsync(TimeSpan.FromSeconds(30)) == 1 && buffer[0] != '\r')
        {
            received.Append((char)buffer[0]);
        }

        return received.ToString();
    }

    public static X509Certificate2 CreateCertificate() => Sip2.Net.TestSupport.TestCertificates.CreateLocalhost();

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    private static async Task RegisterKioskAsync(IServiceProvider services)
    {
        var directory = services.GetRequiredService<ISip2RegistryStore>();
        Must(directory.SaveInstitutionAsync(new Sip2Institution { Id = Institution, Name = "Main Library" }));
        Must(directory.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = Institution, BranchId = "MAIN", LibraryName = "Kestrel Branch" }));
        var result = await services.GetRequiredService<ISip2ClientRegistry>().CreateAsync(new Sip2ClientRegistration
        {
            IPAddress = IPAddress.Loopback,
            LoginId = LoginId,
            // The lowest cost keeps the tests fast; hashing strength is not what they test.
            PasswordHash = Sip2PasswordHash.Create(Password, Sip2PasswordHash.MinimumIterations),
            InstitutionId = Institution,
            BranchId = "MAIN",
        });
        Assert.True(result.Succeeded, result.ToString());
    }
}

/// <summary>
/// Answers Checkout and Patron Information; a checkout can be held in flight until a test releases it, either
/// awaiting (<see cref="HoldCheckouts"/>) or blocking the thread that called the back end (<see cref="BlockCheckouts"/>).
/// </summary>
internal sealed class TestBackend : Sip2BackendBase
{
    /// <summary>Every patron and item belongs to the session's institution, except "outsider"'s, which belong to another.</summary>
    public const string Outsider = "outsider";

    public override ValueTask<string?> FindPatronInstitutionAsync(string patronIdentifier, Sip2RequestContext context) =>
        new(patronIdentifier == Outsider ? "elsewhere" : context.InstitutionId);

    public override ValueTask<Sip2ItemOwner?> FindItemOwnerAsync(string itemIdentifier, Sip2RequestContext context) =>
        new(new Sip2ItemOwner(itemIdentifier == Outsider ? "elsewhere" : context.InstitutionId));

    private TaskCompletionSource? gate;
    private TaskCompletionSource? block;

    /// <summary>The remote address of every request the back end saw.</summary>
    public ConcurrentQueue<IPAddress> RemoteAddresses { get; } = new();

    /// <summary>Completes when a held checkout has reached the back end.</summary>
    public TaskCompletionSource CheckoutEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Makes the next checkouts wait until <see cref="ReleaseCheckouts"/>.</summary>
    public void HoldCheckouts() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Makes the next checkouts block their thread, as a synchronous database call would, until <see cref="ReleaseCheckouts"/>.</summary>
    public void BlockCheckouts() => block = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseCheckouts()
    {
        gate?.TrySetResult();
        block?.TrySetResult();
    }

    public override async ValueTask<CheckoutResponse> CheckoutAsync(CheckoutRequest request, Sip2RequestContext context)
    {
        RemoteAddresses.Enqueue(context.RemoteAddress);
        CheckoutEntered.TrySetResult();
        block?.Task.Wait(); // on purpose: the engine's thread is held, not released
        if (gate is { } held)
        {
            await held.Task;
        }

        return new CheckoutResponse
        {
            Ok = true,
            TransactionDate = context.Now,
            InstitutionId = context.InstitutionId,
            PatronIdentifier = request.PatronIdentifier,
            ItemIdentifier = request.ItemIdentifier,
            TitleIdentifier = "Pipelines in Practice",
            DueDate = "20260116    000000",
        };
    }

    public override ValueTask<PatronInformationResponse> PatronInformationAsync(PatronInformationRequest request, Sip2RequestContext context)
    {
        RemoteAddresses.Enqueue(context.RemoteAddress);
        return new(new PatronInformationResponse
        {
            Language = Sip2Language.English,
            TransactionDate = context.Now,
            InstitutionId = context.InstitutionId,
            PatronIdentifier = request.PatronIdentifier,
            PersonalName = "Pat Ron",
            ValidPatron = true,
            ChargedItemsCount = 1,
            ChargedItems = request.Summary.HasFlag(PatronSummary.ChargedItems) ? ["item1"] : [],
        });
    }
}
