using System.Net;
using System.Security.Cryptography.X509Certificates;
using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sip2.Net.Access;
using Sip2.Net.Configuration;
using Sip2.Net.Encodings;
using Sip2.Net.Server;

namespace Sip2.Net.IntegrationTests.DependencyInjection;

/// <summary>AddSip2Server(IConfiguration) and AddSip2Server(sectionPath): the options pattern, validated at start.</summary>
public sealed class ConfigurationBindingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sip2-config-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    internal static IHost Build(IDictionary<string, string?> settings, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (configure is null)
        {
            builder.Services.AddSip2Server(builder.Configuration.GetSection("Sip2:Server")).AddBackend<CountingBackend>();
        }
        else
        {
            configure(builder);
        }

        return builder.Build();
    }

    [Fact]
    public void Every_kind_of_setting_is_bound_from_configuration()
    {
        using var certificate = TestCertificates.CreateLocalhost();
        var pfx = Path.Combine(folder, "server.pfx");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "pfx-pass"));
        using var host = Build(new Dictionary<string, string?>
        {
            ["Sip2:Server:Endpoints:0:Address"] = "127.0.0.1",
            ["Sip2:Server:Endpoints:0:Port"] = "0",
            ["Sip2:Server:Endpoints:1:Address"] = "::1",
            ["Sip2:Server:Endpoints:1:Port"] = "6002",
            ["Sip2:Server:Endpoints:1:CertificatePath"] = pfx,
            ["Sip2:Server:Endpoints:1:CertificatePassword"] = "pfx-pass",
            ["Sip2:Server:Endpoints:1:ProxyProtocol"] = "true",
            ["Sip2:Server:Endpoints:1:TrustedProxies:0"] = "10.0.0.0/8",
            ["Sip2:Server:Endpoints:1:TrustedProxies:1"] = "192.168.1.7",
            ["Sip2:Server:MaxConnections"] = "500",
            ["Sip2:Server:LoginTimeout"] = "00:00:45",
            ["Sip2:Server:IdleTimeout"] = "-00:00:00.001",
            ["Sip2:Server:AllowScStatusBeforeLogin"] = "false",
            ["Sip2:Server:ParseMode"] = "Strict",
            ["Sip2:Server:DefaultEncoding"] = "UTF-8",
            ["Sip2:Server:RetransmissionScope"] = "Connection",
            ["Sip2:Server:Registry:AllowLoopback"] = "true",
            ["Sip2:Server:AccessPolicy:MaxFailedLoginsPerConnection"] = "7",
            ["Sip2:Server:AccessPolicy:AddressLockout"] = "00:30:00",
        });

        var options = host.Services.GetRequiredService<Sip2ServerOptions>();
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 0), options.Endpoints[0].EndPoint);
        Assert.Null(options.Endpoints[0].Certificate);
        Assert.Equal(new IPEndPoint(IPAddress.IPv6Loopback, 6002), options.Endpoints[1].EndPoint);
        Assert.Equal(certificate.Thumbprint, options.Endpoints[1].Certificate?.Thumbprint);
        Assert.True(options.Endpoints[1].ProxyProtocol);
        Assert.Equal([Sip2IPNetwork.Parse("10.0.0.0/8"), Sip2IPNetwork.Parse("192.168.1.7")], options.Endpoints[1].TrustedProxies);
        Assert.Equal(500, options.MaxConnections);
        Assert.Equal(TimeSpan.FromSeconds(45), options.LoginTimeout);
        Assert.Equal(Timeout.InfiniteTimeSpan, options.IdleTimeout);
        Assert.False(options.AllowScStatusBeforeLogin);
        Assert.Equal(Protocol.Sip2ParseMode.Strict, options.ParseMode);
        Assert.Same(Sip2Encoding.Utf8, options.DefaultEncoding);
        Assert.Equal(Sip2RetransmissionScope.Connection, options.RetransmissionScope);
        Assert.Equal(new Sip2ServerOptions().BackendTimeout, options.BackendTimeout); // unset: the library's default
        Assert.True(host.Services.GetRequiredService<Sip2RegistryOptions>().AllowLoopback);
        var policy = host.Services.GetRequiredService<Sip2AccessPolicyOptions>();
        Assert.Equal(7, policy.MaxFailedLoginsPerConnection);
        Assert.Equal(TimeSpan.FromMinutes(30), policy.AddressLockout);
        Assert.Equal(new Sip2AccessPolicyOptions().MaxLockout, policy.MaxLockout);
        Assert.Equal(500, host.Services.GetRequiredService<IOptions<Sip2ServerSettings>>().Value.MaxConnections);
    }

    [Fact]
    public void An_empty_section_gives_the_library_defaults()
    {
        using var host = Build(new Dictionary<string, string?>());

        Assert.Equal(new Sip2ServerOptions() with { Endpoints = host.Services.GetRequiredService<Sip2ServerOptions>().Endpoints }, host.Services.GetRequiredService<Sip2ServerOptions>());
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 6001), Assert.Single(host.Services.GetRequiredService<Sip2ServerOptions>().Endpoints).EndPoint);
        Assert.Equal(new Sip2AccessPolicyOptions() with { MaxConcurrentPasswordChecks = Environment.ProcessorCount }, host.Services.GetRequiredService<Sip2AccessPolicyOptions>());
    }

    [Fact]
    public void The_section_path_overload_reads_the_hosts_configuration_and_the_delegate_runs_last()
    {
        using var host = Build(
            new Dictionary<string, string?> { ["Custom:Sip2:MaxConnections"] = "42", ["Custom:Sip2:Endpoints:0:Port"] = "0" },
            b => b.Services.AddSip2Server("Custom:Sip2", o => o with { MaxConnectionsPerAddress = 3 }).AddBackend<CountingBackend>());

        var options = host.Services.GetRequiredService<Sip2ServerOptions>();
        Assert.Equal(42, options.MaxConnections);
        Assert.Equal(3, options.MaxConnectionsPerAddress);
    }

    [Theory]
    [InlineData("Sip2:Server:MaxConnections", "0", "Sip2:Server:MaxConnections must be at least 1.")]
    [InlineData("Sip2:Server:MaxMessageLength", "10", "Sip2:Server:MaxMessageLength must be 64 bytes to 16 MiB.")]
    [InlineData("Sip2:Server:LoginTimeout", "00:00:00", "Sip2:Server:LoginTimeout must be a positive time, or infinite.")]
    [InlineData("Sip2:Server:DefaultEncoding", "EBCDIC", "Sip2:Server:DefaultEncoding 'EBCDIC' is not IBM850, UTF-8 or ASCII.")]
    [InlineData("Sip2:Server:Endpoints:0:Address", "kiosk.example", "Sip2:Server:Endpoints:0:Address 'kiosk.example' is not an IP address.")]
    [InlineData("Sip2:Server:Endpoints:0:Port", "70000", "Sip2:Server:Endpoints:0:Port must be 0 to 65535 (got 70000).")]
    [InlineData("Sip2:Server:Endpoints:0:ProxyProtocol", "true", "Sip2:Server:Endpoints:0:TrustedProxies must name at least one proxy when Sip2:Server:Endpoints:0:ProxyProtocol is true.")]
    [InlineData("Sip2:Server:Endpoints:0:TrustedProxies:0", "10.0.0.0/99", "Sip2:Server:Endpoints:0:TrustedProxies:0 '10.0.0.0/99' is not an address or a network (10.0.0.0/8).")]
    [InlineData("Sip2:Server:Endpoints:0:CertificatePath", "/nonexistent/server.pfx", "Sip2:Server:Endpoints:0:CertificatePath '/nonexistent/server.pfx' does not exist.")]
    [InlineData("Sip2:Server:AccessPolicy:MaxFailedLoginsPerConnection", "0", "Sip2:Server:AccessPolicy:MaxFailedLoginsPerConnection: At least 1.")]
    public async Task A_bad_value_fails_the_start_with_a_message_naming_its_key(string key, string value, string message)
    {
        using var host = Build(new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_fails_the_start_naming_its_key()
    {
        using var host = Build(new Dictionary<string, string?> { ["Sip2:Server:IdleTimeout"] = "ten minutes" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.Contains("Sip2:Server:IdleTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_certificate_password_is_named_by_its_key_and_never_echoed()
    {
        using var certificate = TestCertificates.CreateLocalhost();
        var pfx = Path.Combine(folder, "server.pfx");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "pfx-pass"));
        using var host = Build(new Dictionary<string, string?>
        {
            ["Sip2:Server:Endpoints:0:Port"] = "0",
            ["Sip2:Server:Endpoints:0:CertificatePath"] = pfx,
            ["Sip2:Server:Endpoints:0:CertificatePassword"] = "not-the-secret-pass",
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.Contains("Sip2:Server:Endpoints:0:CertificatePassword", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret-pass", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_bound_from_configuration_serves_on_its_configured_endpoint()
    {
        using var host = Build(new Dictionary<string, string?> { ["Sip2:Server:Endpoints:0:Port"] = "0" });
        await host.StartAsync();
        try
        {
            var bound = Assert.Single(host.Services.GetRequiredService<Sip2Server>().BoundEndpoints);
            Assert.Equal(IPAddress.Loopback, bound.Address);
            Assert.NotEqual(0, bound.Port);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    // The bound count is the configured one whenever it is valid; whenever it is not, validation names the key.
    [Property(MaxTest = 50)]
    public bool MaxConnections_is_bound_as_written_or_refused_under_its_key(int value)
    {
        using var host = Build(new Dictionary<string, string?> { ["Sip2:Server:MaxConnections"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        try
        {
            return host.Services.GetRequiredService<Sip2ServerOptions>().MaxConnections == value && value >= 1;
        }
        catch (OptionsValidationException e)
        {
            return value < 1 && e.Message.Contains("Sip2:Server:MaxConnections must be at least 1.", StringComparison.Ordinal);
        }
    }
}
