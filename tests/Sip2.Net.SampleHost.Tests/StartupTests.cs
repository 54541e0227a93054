using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;
using Sip2.Net.Client;
using Sip2.Net.Resolution;

namespace Sip2.Net.SampleHost.Tests;

/// <summary>Start-up: the shipped configuration and data, overrides, password hashes, and refusals of bad input.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sip2-sample-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task The_shipped_configuration_and_data_file_load_without_errors()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "data", "library.json")));

        using var host = await SampleHost.BuildAsync(["--Sip2:Port=0"], b => b.Logging.ClearProviders());

        var registrations = await host.Services.GetRequiredService<ISip2ClientRegistry>().ListAsync();
        Assert.Equal(5, registrations.Count);
        Assert.Equal(3, registrations.Count(r => r.IPAddress.Equals(IPAddress.Loopback) && r.HasCredentials));
        var wholeGroup = Assert.Single(registrations, r => r.IPAddress.Equals(IPAddress.Parse("127.0.0.2")));
        Assert.Null(wholeGroup.LoginId);
        Assert.Equal(Sip2ResolutionLevel.WholeGroup, wholeGroup.ResolutionLevel);
        Assert.False(Assert.Single(registrations, r => r.IPAddress.Equals(IPAddress.Parse("127.0.0.3"))).Activated);
        Assert.Contains(registrations, r => r.Vendor == "Bibliotheca");
        Assert.Contains(registrations, r => r.Vendor == "Envisionware");
        Assert.Contains(registrations, r => r.Encoding == Encodings.Sip2CharacterEncoding.Utf8);
    }

    [Fact]
    public async Task Command_line_settings_override_appsettings()
    {
        using var host = await SampleHost.BuildAsync(["--Sip2:Port=0", "--Sip2:Branches:0:LibraryName=Renamed by the command line"], b => b.Logging.ClearProviders());
        await host.StartAsync();
        try
        {
            await using var kiosk = new Sip2Client(new Sip2ClientOptions { Host = "127.0.0.1", Port = host.BoundEndpoints()[0].Port });
            await kiosk.ConnectAsync();
            await kiosk.LoginAsync("north-kiosk", "north-pass");
            Assert.Equal("Renamed by the command line", (await kiosk.ScStatusAsync()).LibraryName);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_configured_certificate_adds_a_TLS_listener()
    {
        using var certificate = Sip2.Net.TestSupport.TestCertificates.CreateLocalhost();
        var pfx = Path.Combine(folder, "server.pfx");
        File.WriteAllBytes(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pfx-pass"));

        await using var library = await TestLibrary.StartAsync(new Dictionary<string, string?>
        {
            ["Sip2:TlsPort"] = "0",
            ["Sip2:Certificate:Path"] = pfx,
            ["Sip2:Certificate:Password"] = "pfx-pass",
        });
        await using var kiosk = new Sip2Client(new Sip2ClientOptions
        {
            Host = "127.0.0.1",
            Port = library.TlsPort,
            UseTls = true,
            TlsTargetHost = "localhost",
            RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString(),
        });
        await kiosk.ConnectAsync();
        await kiosk.LoginAsync("north-kiosk", "north-pass");
        Assert.Equal("NORTH", (await kiosk.ScStatusAsync()).InstitutionId);
    }

    [Fact]
    public async Task A_branch_configuration_can_switch_messages_off()
    {
        await using var library = await TestLibrary.StartAsync(new Dictionary<string, string?>
        {
            ["Sip2:Branches:0:SupportedMessages"] = "ScAcsStatus, RequestScAcsResend, Login, PatronInformation, Checkin",
        });
        var kiosk = await library.KioskAsync("north-kiosk", "north-pass");
        Assert.Equal("NNYNYYYYNNNNNNNN", (await kiosk.ScStatusAsync()).GetField(Messages.FieldId.SupportedMessages));
        var refused = await kiosk.CheckoutAsync("21001", "31001");
        Assert.False(refused.Ok);
        Assert.Null(library.Library.GetBorrower("31001"));
    }

    [Fact]
    public async Task A_client_can_be_configured_with_a_password_hash_instead_of_a_password()
    {
        var hash = Sip2PasswordHash.Create("from-a-hash", Sip2PasswordHash.MinimumIterations).ToStoredString();
        await using var library = await TestLibrary.StartAsync(new Dictionary<string, string?>
        {
            ["Sip2:Clients:0:Password"] = "",
            ["Sip2:Clients:0:PasswordHash"] = hash,
        });
        var kiosk = await library.KioskAsync("north-kiosk", "from-a-hash");
        Assert.Equal("NORTH", (await kiosk.ScStatusAsync()).InstitutionId);
    }

    [Fact]
    public async Task A_client_with_both_password_and_hash_stops_start_up()
    {
        var error = await Assert.ThrowsAsync<SampleHostStartupException>(() => BuildAsync(new()
        {
            ["Sip2:Clients:1:PasswordHash"] = Sip2PasswordHash.Create("x", Sip2PasswordHash.MinimumIterations).ToStoredString(),
        }));
        Assert.Contains("Sip2:Clients:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_stops_start_up_naming_the_file_and_line()
    {
        var file = Write("broken.json", """
            {
              "currency": "EUR",
              "patrons": [ { "id": "1", "institution": "NORTH", "name": "A" ]
            }
            """);
        var error = await Assert.ThrowsAsync<SampleHostStartupException>(() => BuildAsync(new() { ["Sip2:DataFile"] = file }));
        Assert.StartsWith($"{file}:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_key_stops_start_up_naming_the_line()
    {
        var file = Write("typo.json", """
            {
              "currency": "EUR",
              "items": [
                { "id": "1", "institution": "NORTH", "branch": "MAIN", "title": "A", "titel": "B" }
              ]
            }
            """);
        var error = await Assert.ThrowsAsync<SampleHostStartupException>(() => BuildAsync(new() { ["Sip2:DataFile"] = file }));
        Assert.StartsWith($"{file}:4:", error.Message, StringComparison.Ordinal);
        Assert.Contains("titel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_references_and_duplicate_barcodes_stop_start_up_with_every_problem_named()
    {
        var file = Write("references.json", """
            {
              "items": [
                { "id": "1", "institution": "NOWHERE", "branch": "MAIN", "title": "A" },
                { "id": "2", "institution": "NORTH", "branch": "MAIN", "title": "B" },
                { "id": "2", "institution": "NORTH", "branch": "MAIN", "title": "C" }
              ],
              "loans": [ { "item": "3", "patron": "nobody" } ]
            }
            """);
        var error = await Assert.ThrowsAsync<SampleHostStartupException>(() => BuildAsync(new() { ["Sip2:DataFile"] = file }));
        Assert.StartsWith(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("items[0] (1): owner institution 'NOWHERE' is not configured", error.Message, StringComparison.Ordinal);
        Assert.Contains("items[2] (2): duplicate item barcode", error.Message, StringComparison.Ordinal);
        Assert.Contains("loans[0]: unknown patron 'nobody'", error.Message, StringComparison.Ordinal);
        Assert.Contains("loans[0]: unknown item '3'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_program_prints_the_problem_and_exits_with_1()
    {
        var file = Write("empty.json", "");
        var entryPoint = typeof(SampleHost).Assembly.EntryPoint!;
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            // The compiler's entry point waits for the async top-level code; off the test's context it cannot deadlock.
            var exitCode = await Task.Run(() => (int)entryPoint.Invoke(null, [new[] { "--Sip2:Port=0", $"--Sip2:DataFile={file}" }])!);
            Assert.Equal(1, exitCode);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Contains(file, error.ToString(), StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task BuildAsync(Dictionary<string, string?> settings)
    {
        using var host = await SampleHost.BuildAsync(["--Sip2:Port=0"], b =>
        {
            b.Logging.ClearProviders();
            Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(b.Configuration, settings);
        });
    }
}
