using System.Net;
using Microsoft.Extensions.Hosting;
using Sip2.Net.Encodings;
using Sip2.Net.SampleHost;
using Host = Sip2.Net.SampleHost.SampleHost;
using Sip2.Net.Testing.Conformance;

namespace Sip2.Net.Testing.Tests.Conformance;

/// <summary>The whole battery against the sample host, started in-process on 127.0.0.1 port 0: every check passes.</summary>
public sealed class SampleHostConformanceTests : IAsyncLifetime
{
    private IHost? host;

    public async Task InitializeAsync()
    {
        // Patron Status (23) switched off at NORTH/MAIN, so the unsupported-message check has a message to try, one
        // that carries the real patron and would show it if it ran.
        var supported = (int)(Sip2.Net.Messages.SupportedMessages.All & ~Sip2.Net.Messages.SupportedMessages.PatronStatusRequest);
        host = await Host.BuildAsync(["--Sip2:Port=0", $"--Sip2:Branches:0:SupportedMessages={supported}"]);
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    private Sip2ConformanceOptions Options => new()
    {
        Host = "127.0.0.1",
        Port = host!.BoundEndpoints()[0].Port,
        LoginId = "north-kiosk",
        Password = "north-pass",
        InstitutionId = "NORTH",
        PatronIdentifier = "21001",
        PatronPassword = "1234",
        ItemIdentifier = "31001",
        ResponseTimeout = TimeSpan.FromSeconds(10),
        QuietPeriod = TimeSpan.FromMilliseconds(100),
    };

    [Fact]
    public async Task Every_check_passes_against_the_sample_host()
    {
        var report = await Sip2ConformanceSuite.RunAsync(Options);

        Assert.All(report.Results, r => Assert.True(r.Outcome == Sip2ConformanceOutcome.Passed, $"{r.Check.Id}: {r.Outcome}: {r.Detail}"));
        Assert.Equal(Sip2ConformanceSuite.Checks.Count, report.Passed);
    }

    [Fact]
    public void The_options_never_show_the_password()
    {
        var options = new Sip2ConformanceOptions { Host = "acs.example.org", LoginId = "north-kiosk", Password = "north-pass" };
        Assert.DoesNotContain("north-pass", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("north-kiosk", options.ToString(), StringComparison.Ordinal);
    }
}
