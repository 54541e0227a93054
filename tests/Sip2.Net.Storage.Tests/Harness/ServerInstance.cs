using System.Net;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;
using Sip2.Net.PostgreSql;
using Sip2.Net.Server;

namespace Sip2.Net.Storage.Tests.Harness;

/// <summary>
/// One SIP2 server instance as a deployment runs it: its own PostgreSQL store, the registry access policy over it, and
/// a standalone server on 127.0.0.1 (port 0) reading PROXY headers from 127.0.0.1, whose handler ends the sessions of
/// a registration deactivated or deleted anywhere.
/// </summary>
public sealed class ServerInstance : IAsyncDisposable
{
    private ServerInstance(PostgreSqlSip2RegistryStore store, Sip2ConnectionHandler handler, Sip2Server server)
    {
        Store = store;
        Handler = handler;
        Server = server;
    }

    public PostgreSqlSip2RegistryStore Store { get; }

    public Sip2ConnectionHandler Handler { get; }

    public Sip2Server Server { get; }

    public int Port => Server.BoundEndpoints[0].Port;

    public static async Task<ServerInstance> StartAsync(PostgreSqlTestDatabase database, ILoggerProvider? logs = null)
    {
        var store = database.OpenPostgreSql(new StoreSettings { RegistryOptions = Sip2RegistryOptions.AllowLocalNetworks, Logs = logs });
        await store.InitializeAsync();
        var policy = new Sip2RegistryAccessPolicy(store, store);
        var options = new Sip2ServerOptions
        {
            Endpoints = [new Sip2ListenEndpoint { EndPoint = new IPEndPoint(IPAddress.Loopback, 0), ProxyProtocol = true, TrustedProxies = [Sip2IPNetwork.Parse("127.0.0.1/32")] }],
            ShutdownTimeout = TimeSpan.FromSeconds(1),
        };
        using var loggerFactory = LoggerFactory.Create(b => { if (logs is not null) { b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug); } });
        var handler = new Sip2ConnectionHandler(policy, new NoBackend(), options, messages: store, registry: store, loggerFactory: loggerFactory);
        var server = new Sip2Server(handler, loggerFactory);
        await server.StartAsync();
        return new ServerInstance(store, handler, server);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Handler.Dispose();
        await Store.DisposeAsync();
    }

    // Status and login are all this test asks of a library system.
    private sealed class NoBackend : Sip2BackendBase
    {
        public override ValueTask<string?> FindPatronInstitutionAsync(string patronIdentifier, Sip2RequestContext context) =>
            new((string?)null);

        public override ValueTask<Sip2ItemOwner?> FindItemOwnerAsync(string itemIdentifier, Sip2RequestContext context) =>
            new((Sip2ItemOwner?)null);
    }
}
