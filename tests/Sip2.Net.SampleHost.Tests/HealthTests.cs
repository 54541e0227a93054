using System.Net;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sip2.Net.SampleHost.Tests;

/// <summary>The admin site's /healthz, and the server settings the library binds from Sip2:Server.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_answers_Healthy_without_authentication_and_without_detail()
    {
        await using var library = await TestLibrary.StartAsync(new Dictionary<string, string?> { ["Sip2:Admin:ApiKey"] = "a-secret-api-key" });
        using var client = new HttpClient { BaseAddress = library.AdminUri };

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body);
        Assert.DoesNotContain("a-secret-api-key", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_answers_Unhealthy_once_the_SIP2_listener_stops()
    {
        using var host = await SampleHost.BuildAsync(["--Sip2:Port=0"], b => b.Logging.ClearProviders());
        await host.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = host.AdminUri() };
            // The SIP2 listener's hosted service stops while the admin site still answers.
            await host.Services.GetServices<IHostedService>().OfType<Sip2.Net.DependencyInjection.Sip2ServerHostedService>().Single().StopAsync(CancellationToken.None);

            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Sip2_Server_settings_are_bound_by_the_library_and_a_bad_one_fails_the_start_naming_its_key()
    {
        using var host = await SampleHost.BuildAsync(["--Sip2:Port=0", "--Sip2:Server:MaxConnections=0"], b => b.Logging.ClearProviders());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Sip2:Server:MaxConnections must be at least 1.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_server_settings_reach_the_server()
    {
        await using var library = await TestLibrary.StartAsync(new Dictionary<string, string?> { ["Sip2:Server:IdleTimeout"] = "00:07:00" });

        var options = library.Services.GetRequiredService<Sip2.Net.Server.Sip2ServerOptions>();
        Assert.Equal(TimeSpan.FromMinutes(7), options.IdleTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), options.LoginTimeout);
        Assert.Equal(3, library.Services.GetRequiredService<Sip2.Net.Access.Sip2AccessPolicyOptions>().MaxFailedLoginsPerConnection);
    }
}
