using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Sip2.Net.Encodings;
using Sip2.Net.Server;

namespace Sip2.Net.Configuration.Internal;

/// <summary>
/// Turns the bound <see cref="Sip2ServerSettings"/> into the server's options, naming the configuration key of every
/// bad value. Validation (at start) maps without loading certificates, so a certificate is read once, when the server
/// is built; certificate passwords never appear in a message.
/// </summary>
internal static class ServerSettingsMapper
{
    /// <summary>Every problem of the settings, each naming its key under <paramref name="section"/>; empty when none.</summary>
    public static List<string> Problems(Sip2ServerSettings settings, string section)
    {
        var problems = new List<string>();
        var options = Map(settings, section, loadCertificates: false, problems);
        foreach (var (name, expectation) in options.Problems())
        {
            // The endpoints were checked one by one above, under their own keys.
            if (name != nameof(Sip2ServerOptions.Endpoints))
            {
                problems.Add($"{section}:{name} must be {expectation}.");
            }
        }

        foreach (var (name, _, expectation) in settings.AccessPolicy.ToOptions().Problems())
        {
            problems.Add($"{section}:AccessPolicy:{name}: {expectation}");
        }

        return problems;
    }

    /// <summary>The options, certificates loaded; throws naming the key when a value cannot be used.</summary>
    public static Sip2ServerOptions ToOptions(Sip2ServerSettings settings, string section)
    {
        var problems = new List<string>();
        var options = Map(settings, section, loadCertificates: true, problems);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        return options;
    }

    private static Sip2ServerOptions Map(Sip2ServerSettings s, string section, bool loadCertificates, List<string> problems)
    {
        var d = new Sip2ServerOptions();
        var encoding = d.DefaultEncoding;
        if (s.DefaultEncoding is { Length: > 0 } name && !Sip2Encoding.TryGet(name, out encoding))
        {
            problems.Add($"{section}:DefaultEncoding '{name}' is not IBM850, UTF-8 or ASCII.");
        }

        return d with
        {
            Endpoints = s.Endpoints.Count == 0 ? d.Endpoints : s.Endpoints.Select((e, i) => Endpoint(e, $"{section}:Endpoints:{i}", loadCertificates, problems)).ToArray(),
            MaxMessageLength = s.MaxMessageLength ?? d.MaxMessageLength,
            LoginTimeout = s.LoginTimeout ?? d.LoginTimeout,
            IdleTimeout = s.IdleTimeout ?? d.IdleTimeout,
            PartialMessageTimeout = s.PartialMessageTimeout ?? d.PartialMessageTimeout,
            BackendTimeout = s.BackendTimeout ?? d.BackendTimeout,
            ShutdownTimeout = s.ShutdownTimeout ?? d.ShutdownTimeout,
            MaxConnections = s.MaxConnections ?? d.MaxConnections,
            MaxConnectionsPerAddress = s.MaxConnectionsPerAddress ?? d.MaxConnectionsPerAddress,
            MaxConnectionsPerRegistration = s.MaxConnectionsPerRegistration ?? d.MaxConnectionsPerRegistration,
            TlsHandshakeTimeout = s.TlsHandshakeTimeout ?? d.TlsHandshakeTimeout,
            MaxTlsHandshakes = s.MaxTlsHandshakes ?? d.MaxTlsHandshakes,
            AllowScStatusBeforeLogin = s.AllowScStatusBeforeLogin ?? d.AllowScStatusBeforeLogin,
            ErrorDetection = s.ErrorDetection ?? d.ErrorDetection,
            ParseMode = s.ParseMode ?? d.ParseMode,
            DefaultEncoding = encoding,
            MaxConsecutiveBadMessages = s.MaxConsecutiveBadMessages ?? d.MaxConsecutiveBadMessages,
            RetransmissionScope = s.RetransmissionScope ?? d.RetransmissionScope,
            RetransmissionWindow = s.RetransmissionWindow ?? d.RetransmissionWindow,
            MaxPendingOutput = s.MaxPendingOutput ?? d.MaxPendingOutput,
            WriteTimeout = s.WriteTimeout ?? d.WriteTimeout,
        };
    }

    private static Sip2ListenEndpoint Endpoint(Sip2EndpointSettings e, string key, bool loadCertificate, List<string> problems)
    {
        if (!IPAddress.TryParse(e.Address?.Trim(), out var address))
        {
            problems.Add($"{key}:Address '{e.Address}' is not an IP address.");
            address = IPAddress.Loopback;
        }

        if (e.Port is < 0 or > 65535)
        {
            problems.Add($"{key}:Port must be 0 to 65535 (got {e.Port}).");
        }

        var proxies = new List<Sip2IPNetwork>();
        for (var i = 0; i < e.TrustedProxies.Count; i++)
        {
            if (Sip2IPNetwork.TryParse(e.TrustedProxies[i], out var network))
            {
                proxies.Add(network);
            }
            else
            {
                problems.Add($"{key}:TrustedProxies:{i} '{e.TrustedProxies[i]}' is not an address or a network (10.0.0.0/8).");
            }
        }

        if (e.ProxyProtocol && e.TrustedProxies.Count == 0)
        {
            problems.Add($"{key}:TrustedProxies must name at least one proxy when {key}:ProxyProtocol is true.");
        }

        X509Certificate2? certificate = null;
        if (e.CertificatePath is { Length: > 0 } path)
        {
            if (!File.Exists(path))
            {
                problems.Add($"{key}:CertificatePath '{path}' does not exist.");
            }
            else if (loadCertificate)
            {
                certificate = Load(path, e.CertificatePassword, key, problems);
            }
        }

        return new Sip2ListenEndpoint
        {
            EndPoint = new IPEndPoint(address, e.Port is >= 0 and <= 65535 ? e.Port : 0),
            Certificate = certificate,
            ProxyProtocol = e.ProxyProtocol,
            TrustedProxies = proxies,
        };
    }

    private static X509Certificate2? Load(string path, string? password, string key, List<string> problems)
    {
        try
        {
#if NET9_0_OR_GREATER
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
#else
            var certificate = new X509Certificate2(path, password);
#endif
            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                problems.Add($"{key}:CertificatePath '{path}' has no private key.");
                return null;
            }

            return certificate;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            // The message of a wrong password says only that it is wrong, never the password.
            problems.Add($"{key}:CertificatePath '{path}' cannot be loaded (is {key}:CertificatePassword right?): {e.Message}");
            return null;
        }
    }
}
