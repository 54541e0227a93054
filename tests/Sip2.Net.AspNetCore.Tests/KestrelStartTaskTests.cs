using System.IO;
using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sip2.Net.AspNetCore.Tests;

/// <summary>Kestrel hosting runs the start tasks before Kestrel binds its SIP2 endpoints, as the standalone listener does.</summary>
public sealed class KestrelStartTaskTests
{
    private static WebApplication Build(Func<IServiceProvider, CancellationToken, Task> hook)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSip2Server().AddBackend(new TestBackend()).OnStarting(hook).UseKestrel();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenSip2(IPAddress.Loopback, 0));
        return builder.Build();
    }

    [Fact]
    public async Task The_hook_runs_before_Kestrel_binds()
    {
        int? addressesDuringHook = null;
        await using var app = Build((sp, _) =>
        {
            addressesDuringHook = sp.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Count;
            return Task.CompletedTask;
        });

        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Count;
        await app.StopAsync();

        Assert.Equal(0, addressesDuringHook);
        Assert.Equal(1, bound);
    }

    [Fact]
    public async Task A_failing_hook_stops_the_start_before_Kestrel_binds()
    {
        await using var app = Build((_, _) => throw new InvalidDataException("cache corrupt"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Equal("The SIP2 server did not start: the start task OnStarting hook #1 failed: cache corrupt", error.Message);
        Assert.Empty(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses);
    }
}
