using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sip2.Net.Access;
using Sip2.Net.PostgreSql;
using Sip2.Net.Resolution;
using Sip2.Net.Server;
using Sip2.Net.Sqlite;
using static Sip2.Net.Storage.Tests.Contract.Seed;

namespace Sip2.Net.Storage.Tests;

/// <summary>AddSqliteRegistryStore and AddPostgreSqlRegistryStore: what a host calls to keep its registry in a database.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task A_host_with_the_SQLite_store_initialises_it_before_listening_and_every_seam_is_the_store()
    {
        await using var database = new SqliteTestDatabase();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSip2Server(o => o with { Endpoints = [new Sip2ListenEndpoint { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) }] })
            .AddBackend<NoBackend>()
            .ConfigureRegistry(Sip2RegistryOptions.AllowLocalNetworks)
            .AddSqliteRegistryStore(database.Path, o => o with { BusyTimeout = TimeSpan.FromSeconds(2) });
        using (var host = builder.Build())
        {
            var store = Assert.IsType<SqliteSip2RegistryStore>(host.Services.GetRequiredService<ISip2RegistryStore>());
            Assert.Same(store, host.Services.GetRequiredService<ISip2ClientRegistry>());
            Assert.Same(store, host.Services.GetRequiredService<ISip2LibraryDirectory>());
            Assert.Same(store, host.Services.GetRequiredService<ISip2MessageCatalog>());

            await host.StartAsync();
            Assert.True(File.Exists(database.Path));
            Assert.False(await store.InitializeAsync()); // the hosted service created it
            await DirectoryAsync(store);
            (await store.CreateAsync(Registration(IPAddress.Parse("127.0.0.2")))).GetValueOrThrow(); // the registered options allow loopback
            await host.StopAsync();
        }

        // A second start over the same file: nothing to seed, everything still there.
        await using var again = new SqliteSip2RegistryStore(database.Path, options: Sip2RegistryOptions.AllowLocalNetworks);
        Assert.False(await again.InitializeAsync());
        Assert.Single(await again.ListByAddressAsync(IPAddress.Parse("127.0.0.2")));
    }

    [Fact]
    public void The_PostgreSQL_store_replaces_the_default_without_connecting_until_the_host_starts()
    {
        var services = new ServiceCollection();
        services.AddSip2Server().AddBackend<NoBackend>().AddPostgreSqlRegistryStore("Host=127.0.0.1;Username=sip2;Password=x", o => o with { Schema = "sip2" });
        using var provider = services.BuildServiceProvider();

        var store = Assert.IsType<PostgreSqlSip2RegistryStore>(provider.GetRequiredService<ISip2RegistryStore>());
        Assert.Same(store, provider.GetRequiredService<ISip2ClientRegistry>());
        Assert.True(store.GetStatus().IsReachable);
        Assert.Single(services, d => d.ServiceType == typeof(ISip2RegistryStore));
    }

    [Fact]
    public void Missing_arguments_are_mistakes_of_the_caller()
    {
        var builder = new ServiceCollection().AddSip2Server();
        Assert.Throws<ArgumentException>(() => builder.AddSqliteRegistryStore(" "));
        Assert.Throws<ArgumentException>(() => builder.AddPostgreSqlRegistryStore(""));
        Assert.Throws<ArgumentNullException>(() => Sip2ServerBuilderSqliteExtensions.AddSqliteRegistryStore(null!, "registry.db"));
        Assert.Throws<ArgumentException>(() => new PostgreSqlSip2RegistryStore("Host=x", new PostgreSqlSip2RegistryStoreOptions { KeepAliveInterval = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteSip2RegistryStore("x.db", new SqliteSip2RegistryStoreOptions { BusyTimeout = TimeSpan.FromSeconds(-1) }));
    }

    private sealed class NoBackend : Sip2BackendBase
    {
        public override ValueTask<string?> FindPatronInstitutionAsync(string patronIdentifier, Sip2RequestContext context) =>
            new((string?)null);

        public override ValueTask<Sip2ItemOwner?> FindItemOwnerAsync(string itemIdentifier, Sip2RequestContext context) =>
            new((Sip2ItemOwner?)null);
    }
}
