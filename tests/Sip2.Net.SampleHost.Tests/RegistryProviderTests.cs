using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;
using Sip2.Net.Client;
using Sip2.Net.TestSupport;

namespace Sip2.Net.SampleHost.Tests;

/// <summary>Sip2:Registry:Provider: the in-memory default, a SQLite file that outlives the host, PostgreSQL, bad settings.</summary>
public sealed class RegistryProviderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sip2-sample-registry-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task The_default_registry_is_in_memory()
    {
        using var host = await BuildAsync();
        Assert.False(host.Services.GetRequiredService<ISip2RegistryStore>().IsDurable);
    }

    [Fact]
    public async Task A_SQLite_registry_is_seeded_once_and_keeps_what_administrators_changed_across_restarts()
    {
        var file = Path.Combine(folder, "nested", "registry.db");
        Guid kiosk;
        using (var first = await BuildAsync("--Sip2:Registry:Provider=Sqlite", $"--Sip2:Registry:ConnectionString={file}"))
        {
            var store = first.Services.GetRequiredService<ISip2RegistryStore>();
            Assert.True(store.IsDurable);
            var registration = (await store.ListAsync()).First(r => r.LoginId == "north-kiosk");
            kiosk = registration.Id;
            (await store.DeactivateAsync(kiosk, "admin")).GetValueOrThrow();
            (await store.DeleteAsync((await store.ListAsync()).First(r => r.LoginId != "north-kiosk").Id, "admin")).GetValueOrThrow();
            await DisposeStoreAsync(first);
        }

        Assert.True(File.Exists(file));
        using var second = await BuildAsync("--Sip2:Registry:Provider=sqlite", $"--Sip2:Registry:ConnectionString={file}");
        var reopened = second.Services.GetRequiredService<ISip2RegistryStore>();
        var registrations = await reopened.ListAsync();
        Assert.Equal(4, registrations.Count); // not seeded again: the deleted one stays deleted
        Assert.False(registrations.Single(r => r.Id == kiosk).Activated);
        Assert.Contains(await reopened.ListAuditAsync(), e => e.Actor == "admin");

        // The deactivated kiosk is refused by the server the host runs.
        await second.StartAsync();
        try
        {
            await using var client = new Sip2Client(new Sip2ClientOptions { Host = "127.0.0.1", Port = second.BoundEndpoints()[0].Port });
            await client.ConnectAsync();
            await Assert.ThrowsAsync<Sip2LoginRefusedException>(() => client.LoginAsync("north-kiosk", "north-pass"));
        }
        finally
        {
            await second.StopAsync();
            await DisposeStoreAsync(second);
        }
    }

    [ServiceFact("SIP2_TEST_POSTGRES")]
    public async Task A_PostgreSQL_registry_is_seeded_in_its_schema_once()
    {
        var schema = "sample_" + Guid.NewGuid().ToString("N");
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(ServiceFactAttribute.Require("SIP2_TEST_POSTGRES")) { SearchPath = schema }.ConnectionString;
        try
        {
            using (var first = await BuildAsync("--Sip2:Registry:Provider=PostgreSql", $"--Sip2:Registry:ConnectionString={connection}"))
            {
                var store = first.Services.GetRequiredService<ISip2RegistryStore>();
                Assert.True(store.IsDurable);
                Assert.Equal(5, (await store.ListAsync()).Count);
                (await store.DeleteAsync((await store.ListAsync())[0].Id, "admin")).GetValueOrThrow();
                await DisposeStoreAsync(first);
            }

            using var second = await BuildAsync("--Sip2:Registry:Provider=PostgreSql", $"--Sip2:Registry:ConnectionString={connection}");
            Assert.Equal(4, (await second.Services.GetRequiredService<ISip2RegistryStore>().ListAsync()).Count);
            await DisposeStoreAsync(second);
        }
        finally
        {
            await using var admin = new Npgsql.NpgsqlConnection(ServiceFactAttribute.Require("SIP2_TEST_POSTGRES"));
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Theory]
    [InlineData("Provider=Oracle", "is not InMemory, Sqlite or PostgreSql")]
    [InlineData("Provider=PostgreSql", "needs Sip2:Registry:ConnectionString")]
    [InlineData("ConnectionString=registry.db", "the in-memory registry has no database")]
    public async Task Wrong_registry_settings_stop_the_start_with_what_to_fix(string setting, string message)
    {
        var error = await Assert.ThrowsAsync<SampleHostStartupException>(() => BuildAsync($"--Sip2:Registry:{setting}"));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_registry_stops_the_start_without_its_password()
    {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        var error = await Assert.ThrowsAsync<SampleHostStartupException>(() => BuildAsync(
            "--Sip2:Registry:Provider=PostgreSql", "--Sip2:Registry:ConnectionString=Host=127.0.0.1;Port=1;Username=sip2;Password=top-secret-pw;Timeout=2"));
        Assert.StartsWith("registry: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("top-secret-pw", error.ToString(), StringComparison.Ordinal);
    }

    private static Task<IHost> BuildAsync(params string[] args) =>
        SampleHost.BuildAsync(["--Sip2:Port=0", .. args], b => b.Logging.ClearProviders());

    // The store is a singleton the host disposes with its container; the file is released before the next start.
    private static async Task DisposeStoreAsync(IHost host)
    {
        if (host.Services.GetRequiredService<ISip2RegistryStore>() is IAsyncDisposable store)
        {
            await store.DisposeAsync();
        }
    }
}
