using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;
using Sip2.Net.Configuration;
using Sip2.Net.Encodings;
using Sip2.Net.Resolution;
using Sip2.Net.SampleHost.Admin;
using Sip2.Net.SampleHost.Configuration;
using Sip2.Net.SampleHost.Library;
using Sip2.Net.Server;

namespace Sip2.Net.SampleHost;

/// <summary>
/// Builds the sample host: an ASP.NET Core application running the SIP2 server over the in-memory registry and library
/// system, with the admin site (Sip2.Net.Admin) on its own HTTP address, all configured from standard .NET
/// configuration. Program runs it; the end-to-end tests build it in-process on port 0.
/// </summary>
internal static class SampleHost
{
    /// <summary>
    /// Reads the configuration, loads and checks the library data file, builds the host and seeds the registry.
    /// Nothing listens until the host is started.
    /// </summary>
    /// <param name="args">Command-line arguments (<c>--Sip2:Port=7001</c>).</param>
    /// <param name="configure">Runs before the settings are read: tests add configuration or services (a fake clock) here.</param>
    /// <param name="cancellationToken">Cancels the seeding.</param>
    /// <exception cref="SampleHostStartupException">The configuration or the data file is wrong.</exception>
    public static async Task<IHost> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        // The content root is the output folder, where appsettings.json and the demo data are copied, so
        // `dotnet run --project ...` works from any directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);

        var settings = ReadSettings(builder.Configuration);
        var certificate = LoadCertificate(settings);
        builder.WebHost.UseUrls(AdminUrl(settings, certificate));
        if (certificate is not null)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        }

        AdminSite.AddServices(builder.Services, settings.Admin, builder.Configuration.GetSection("Sip2:Admin"));
        TelemetrySetup.Add(builder.Services, builder.Configuration);
        var dataFile = ResolveDataFile(settings.DataFile, builder.Environment.ContentRootPath);
        var data = LibraryDataFile.Load(dataFile, settings.Institutions.Select(i => i.Id));

        builder.Services.AddSingleton(data);
        // Sip2:Server is the library's own section (limits, timeouts, access policy), bound and validated at start;
        // the endpoints come from the host's Sip2:Address/Port/TlsPort shortcuts unless Sip2:Server:Endpoints names them.
        var explicitEndpoints = builder.Configuration.GetSection(Sip2ServerSettings.DefaultSectionPath + ":Endpoints").Exists();
        builder.Services.AddSip2Server(builder.Configuration.GetSection(Sip2ServerSettings.DefaultSectionPath),
                options => explicitEndpoints ? options : options with { Endpoints = Endpoints(settings, certificate) })
            .AddBackend<InMemoryLibrarySystem>()
            // Kiosks of an on-site server, and the demo's 127.0.0.x, live on local networks.
            .ConfigureRegistry(Sip2RegistryOptions.AllowLocalNetworks)
            .Use(settings.Registry, Path.GetDirectoryName(dataFile)!);
        builder.Services.AddHealthChecks().AddSip2HealthChecks();

        var host = builder.Build();
        AdminSite.Map(host);
        try
        {
            await SeedAsync(host.Services, settings, cancellationToken).ConfigureAwait(false);
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SampleHost).FullName!);
            Log.DataLoaded(logger, dataFile, data.Patrons.Count, data.Items.Count, data.Loans.Count, data.Holds.Count);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return host;
    }

    /// <summary>The addresses the server listens on once started (port 0 resolved to the real port).</summary>
    public static IReadOnlyList<IPEndPoint> BoundEndpoints(this IHost host) =>
        host.Services.GetRequiredService<Sip2Server>().BoundEndpoints;

    /// <summary>The admin site's address once started (port 0 resolved to the real port), e.g. <c>http://127.0.0.1:6080</c>.</summary>
    public static Uri AdminUri(this IHost host) =>
        new(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The admin site is not listening: start the host first."));

    private static string AdminUrl(SampleHostSettings settings, X509Certificate2? certificate)
    {
        var url = string.IsNullOrWhiteSpace(settings.Admin.Url)
            ? settings.Port == 0 ? "http://127.0.0.1:0" : "http://127.0.0.1:6080"
            : settings.Admin.Url.Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
        {
            throw new SampleHostStartupException($"configuration: Sip2:Admin:Url '{url}' is not an http:// or https:// address with a port (e.g. http://127.0.0.1:6080).");
        }

        if (uri.Scheme == "https" && certificate is null)
        {
            throw new SampleHostStartupException("configuration: Sip2:Admin:Url is https, which needs the certificate of Sip2:Certificate.");
        }

        return url;
    }

    private static SampleHostSettings ReadSettings(ConfigurationManager configuration)
    {
        SampleHostSettings settings;
        try
        {
            settings = configuration.GetSection(SampleHostSettings.SectionName).Get<SampleHostSettings>() ?? new SampleHostSettings();
        }
        catch (InvalidOperationException e)
        {
            // The binder names the key and the value it could not convert.
            throw new SampleHostStartupException($"configuration: {e.Message}", e);
        }

        if (settings.Port is < 0 or > 65535 || settings.TlsPort is < 0 or > 65535)
        {
            throw new SampleHostStartupException($"configuration: Sip2:Port and Sip2:TlsPort must be 0 to 65535 (got {settings.Port} and {settings.TlsPort}).");
        }

        if (!IPAddress.TryParse(settings.Address, out _))
        {
            throw new SampleHostStartupException($"configuration: Sip2:Address '{settings.Address}' is not an IP address.");
        }

        return settings;
    }

    private static string ResolveDataFile(string path, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new SampleHostStartupException("configuration: Sip2:DataFile is empty.");
        }

        // A path given by the user is read from where they stand; the default one ships beside the host.
        var full = Path.GetFullPath(path);
        return Path.IsPathRooted(path) || File.Exists(full) ? full : Path.Combine(contentRoot, path);
    }

    private static List<Sip2ListenEndpoint> Endpoints(SampleHostSettings settings, X509Certificate2? certificate)
    {
        var address = IPAddress.Parse(settings.Address);
        var endpoints = new List<Sip2ListenEndpoint> { new() { EndPoint = new IPEndPoint(address, settings.Port) } };
        if (certificate is not null)
        {
            endpoints.Add(new Sip2ListenEndpoint { EndPoint = new IPEndPoint(address, settings.TlsPort), Certificate = certificate });
        }

        return endpoints;
    }

    private static X509Certificate2? LoadCertificate(SampleHostSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.Certificate.Path))
        {
            X509Certificate2 certificate;
            try
            {
#if NET9_0_OR_GREATER
                certificate = X509CertificateLoader.LoadPkcs12FromFile(settings.Certificate.Path, settings.Certificate.Password);
#else
                certificate = new X509Certificate2(settings.Certificate.Path, settings.Certificate.Password);
#endif
            }
            catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
            {
                throw new SampleHostStartupException($"{settings.Certificate.Path}: cannot load the TLS certificate (Sip2:Certificate): {e.Message}", e);
            }

            if (!certificate.HasPrivateKey)
            {
                throw new SampleHostStartupException($"{settings.Certificate.Path}: the TLS certificate has no private key.");
            }

            return certificate;
        }

        return null;
    }

    /// <summary>Fills the registry store from Sip2:Groups, :Institutions, :Branches and :Clients.</summary>
    private static async Task SeedAsync(IServiceProvider services, SampleHostSettings settings, CancellationToken cancellationToken)
    {
        const string Actor = "configuration";
        var store = services.GetRequiredService<ISip2RegistryStore>();
        bool created;
        try
        {
            created = await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Sip2RegistryStoreUnavailableException e)
        {
            throw new SampleHostStartupException($"registry: {e.Message}", e);
        }

        if (!created)
        {
            return; // a durable store seeded on an earlier start: what administrators changed since stays
        }

        await ApplyAsync(settings.Groups, "Groups", g => store.SaveGroupAsync(new Sip2InstitutionGroup { Id = g.Id, Name = g.Name }, Actor, cancellationToken));
        await ApplyAsync(settings.Institutions, "Institutions", i => store.SaveInstitutionAsync(
            new Sip2Institution { Id = i.Id, Name = i.Name, GroupId = string.IsNullOrEmpty(i.Group) ? null : i.Group }, Actor, cancellationToken));
        await ApplyAsync(settings.Branches, "Branches", b => store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration
        {
            InstitutionId = b.Institution,
            BranchId = b.Branch,
            LibraryName = b.LibraryName,
            TerminalLocation = b.TerminalLocation,
            SupportedMessages = b.SupportedMessages,
            TimeoutSeconds = b.TimeoutSeconds,
            RetriesAllowed = b.RetriesAllowed,
            SendPersonalData = b.SendPersonalData,
            UseSortBin = b.UseSortBin,
            AvailableHoldAllowed = b.AvailableHoldAllowed,
            CheckinOk = b.CheckinOk,
            CheckoutOk = b.CheckoutOk,
            RenewalPolicy = b.RenewalPolicy,
            StatusUpdateOk = b.StatusUpdateOk,
            OfflineOk = b.OfflineOk,
        }, Actor, cancellationToken));

        for (var i = 0; i < settings.Clients.Count; i++)
        {
            var registration = ToRegistration(settings.Clients[i], $"Sip2:Clients:{i}");
            var result = await store.CreateAsync(registration, Actor, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new SampleHostStartupException($"configuration: Sip2:Clients:{i} ({settings.Clients[i].Address} {settings.Clients[i].LoginId}): {result.Error}");
            }
        }
    }

    private static async Task ApplyAsync<T>(List<T> entries, string key, Func<T, ValueTask<Sip2RegistryError?>> save)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (await save(entries[i]).ConfigureAwait(false) is { } error)
            {
                throw new SampleHostStartupException($"configuration: Sip2:{key}:{i}: {error}");
            }
        }
    }

    private static Sip2ClientRegistration ToRegistration(ClientSettings client, string key)
    {
        if (!IPAddress.TryParse(client.Address, out var address))
        {
            throw new SampleHostStartupException($"configuration: {key}:Address '{client.Address}' is not an IP address.");
        }

        if (client.Password is { Length: > 0 } && client.PasswordHash is { Length: > 0 })
        {
            throw new SampleHostStartupException($"configuration: {key}: give Password or PasswordHash, not both.");
        }

        // Plain passwords are hashed here and dropped; only the hash reaches the registry.
        Sip2PasswordHash? hash = null;
        if (client.Password is { Length: > 0 } password)
        {
            hash = Sip2PasswordHash.Create(password);
        }
        else if (client.PasswordHash is { Length: > 0 } stored && !Sip2PasswordHash.TryParse(stored, out hash))
        {
            throw new SampleHostStartupException($"configuration: {key}:PasswordHash is not a stored hash ({Sip2PasswordHash.AlgorithmId}$iterations$salt$hash).");
        }

        var encoding = client.Encoding.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "IBM850" or "CP850" => Sip2CharacterEncoding.Ibm850,
            "UTF8" => Sip2CharacterEncoding.Utf8,
            _ => throw new SampleHostStartupException($"configuration: {key}:Encoding '{client.Encoding}' is neither IBM850 nor UTF-8."),
        };

        return new Sip2ClientRegistration
        {
            IPAddress = address,
            LoginId = string.IsNullOrEmpty(client.LoginId) ? null : client.LoginId,
            PasswordHash = hash,
            Description = client.Description,
            InstitutionId = client.Institution,
            BranchId = client.Branch,
            Vendor = client.Vendor,
            Encoding = encoding,
            ResolutionLevel = client.ResolutionLevel,
            Activated = client.Activated,
        };
    }
}
