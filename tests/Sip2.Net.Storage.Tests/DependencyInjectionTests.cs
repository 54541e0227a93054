using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
    public async Task The_SQLite_store_bound_from_configuration_takes_its_file_and_options_and_keeps_what_it_saved()
    {
        await using var database = new SqliteTestDatabase();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sip2:Registry:ConnectionString"] = database.Path,
            ["Sip2:Registry:BusyTimeout"] = "00:00:02",
        });
        builder.Services.AddSip2Server(o => o with { Endpoints = [new Sip2ListenEndpoint { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) }] })
            .AddBackend<NoBackend>()
            .ConfigureRegistry(Sip2RegistryOptions.AllowLocalNetworks)
            .AddSqliteRegistryStore(builder.Configuration.GetSection("Sip2:Registry"));
        using var host = builder.Build();

        await host.StartAsync();
        var store = Assert.IsType<SqliteSip2RegistryStore>(host.Services.GetRequiredService<ISip2RegistryStore>());
        await DirectoryAsync(store);
        (await store.CreateAsync(Registration(IPAddress.Parse("127.0.0.2")))).GetValueOrThrow();
        await host.StopAsync();

        await using var again = new SqliteSip2RegistryStore(database.Path, options: Sip2RegistryOptions.AllowLocalNetworks);
        await again.InitializeAsync();
        Assert.Single(await again.ListByAddressAsync(IPAddress.Parse("127.0.0.2")));
    }

    [Theory]
    [InlineData("Sqlite", "", "", "Sip2:Registry:ConnectionString is required")]
    [InlineData("Sqlite", "registry.db", "-00:00:01", "Sip2:Registry:BusyTimeout must not be negative")]
    [InlineData("PostgreSql", "", "", "Sip2:Registry:ConnectionString is required")]
    [InlineData("PostgreSql", "Host=127.0.0.1;Username=sip2;Password=not-shown", "00:00:00", "Sip2:Registry:KeepAliveInterval must be positive")]
    public async Task A_bad_store_section_stops_the_start_naming_its_key_and_never_the_password(string provider, string connection, string interval, string problem)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sip2:Registry:ConnectionString"] = connection,
            [provider == "Sqlite" ? "Sip2:Registry:BusyTimeout" : "Sip2:Registry:KeepAliveInterval"] = interval.Length == 0 ? null : interval,
        });
        var server = builder.Services.AddSip2Server(o => o with { Endpoints = [new Sip2ListenEndpoint { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) }] })
            .AddBackend<NoBackend>();
        var section = builder.Configuration.GetSection("Sip2:Registry");
        _ = provider == "Sqlite" ? server.AddSqliteRegistryStore(section) : server.AddPostgreSqlRegistryStore(section);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-shown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_PostgreSQL_store_bound_from_configuration_takes_its_schema_and_does_not_connect_until_the_host_starts()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:ConnectionString"] = "Host=127.0.0.1;Username=sip2;Password=x",
            ["Registry:Schema"] = "sip2_bound",
            ["Registry:ReconnectDelay"] = "00:00:00.250",
        }).Build();
        var services = new ServiceCollection();
        services.AddSip2Server().AddBackend<NoBackend>().AddPostgreSqlRegistryStore(configuration.GetSection("Registry"));
        using var provider = services.BuildServiceProvider();

        var store = Assert.IsType<PostgreSqlSip2RegistryStore>(provider.GetRequiredService<ISip2RegistryStore>());
        Assert.True(store.GetStatus().IsReachable);
        Assert.Single(services, d => d.ServiceType == typeof(ISip2RegistryStore));
        var bound = provider.GetRequiredService<IOptions<Sip2.Net.PostgreSql.Internal.PostgreSqlStoreSettings>>().Value.ToOptions();
        Assert.Equal("sip2_bound", bound.Schema);
        Assert.Equal(TimeSpan.FromMilliseconds(250), bound.ReconnectDelay);
        Assert.Equal(new PostgreSqlSip2RegistryStoreOptions().KeepAliveInterval, bound.KeepAliveInterval); // unset keys keep the default
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
