using System.Collections.Generic;
using Sip2.Net.Messages;
using Sip2.Net.Resolution;

namespace Sip2.Net.SampleHost.Configuration;

// The "Sip2" configuration section, bound with IConfiguration.Get<T>(): appsettings.json, then environment
// variables (Sip2__Port), then the command line (--Sip2:Port=7001). docs/sample-host.md lists every key. Sip2:Server
// is not here: the library binds it itself (AddSip2Server(IConfiguration), Sip2ServerSettings).

/// <summary>The whole "Sip2" section.</summary>
internal sealed class SampleHostSettings
{
    public const string SectionName = "Sip2";

    /// <summary>The address both listeners bind to.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The plain TCP port; 0 picks a free one (tests).</summary>
    public int Port { get; set; } = 6001;

    /// <summary>The TLS port, used only when a certificate is configured.</summary>
    public int TlsPort { get; set; } = 6002;

    public CertificateSettings Certificate { get; set; } = new();

    /// <summary>The library data file; a relative path is looked up in the current directory, then beside the host.</summary>
    public string DataFile { get; set; } = "data/library.json";

    public List<GroupSettings> Groups { get; set; } = [];

    public List<InstitutionSettings> Institutions { get; set; } = [];

    public List<BranchSettings> Branches { get; set; } = [];

    public List<ClientSettings> Clients { get; set; } = [];

    public Admin.AdminSettings Admin { get; set; } = new();

    public RegistrySettings Registry { get; set; } = new();
}

internal sealed class CertificateSettings
{
    /// <summary>A PKCS#12 (.pfx) file with the private key; empty for no TLS listener.</summary>
    public string? Path { get; set; }

    public string? Password { get; set; }
}

internal sealed class GroupSettings
{
    public string Id { get; set; } = "";

    public string? Name { get; set; }
}

internal sealed class InstitutionSettings
{
    public string Id { get; set; } = "";

    public string? Name { get; set; }

    public string? Group { get; set; }
}

/// <summary>A branch's SIP2 configuration (see <see cref="Sip2.Net.Access.Sip2BranchConfiguration"/>).</summary>
internal sealed class BranchSettings
{
    public string Institution { get; set; } = "";

    public string Branch { get; set; } = "";

    public string? LibraryName { get; set; }

    public string? TerminalLocation { get; set; }

    public SupportedMessages SupportedMessages { get; set; } = SupportedMessages.All;

    public int TimeoutSeconds { get; set; } = 30;

    public int RetriesAllowed { get; set; } = 3;

    public bool SendPersonalData { get; set; }

    public bool UseSortBin { get; set; }

    public bool AvailableHoldAllowed { get; set; } = true;

    public bool CheckinOk { get; set; } = true;

    public bool CheckoutOk { get; set; } = true;

    public bool RenewalPolicy { get; set; } = true;

    public bool StatusUpdateOk { get; set; }

    public bool OfflineOk { get; set; }
}

/// <summary>A client registration. Give <see cref="Password"/> (hashed at start-up) or <see cref="PasswordHash"/>, not both.</summary>
internal sealed class ClientSettings
{
    public string Address { get; set; } = "";

    public string? LoginId { get; set; }

    public string? Password { get; set; }

    /// <summary>The stored form of <see cref="Sip2.Net.Access.Sip2PasswordHash"/>: <c>pbkdf2-sha256$iterations$salt$hash</c>.</summary>
    public string? PasswordHash { get; set; }

    public string? Description { get; set; }

    public string Institution { get; set; } = "";

    public string Branch { get; set; } = "";

    public string Vendor { get; set; } = "Default";

    /// <summary><c>IBM850</c> (the default) or <c>UTF-8</c>.</summary>
    public string Encoding { get; set; } = "IBM850";

    public Sip2ResolutionLevel ResolutionLevel { get; set; } = Sip2ResolutionLevel.LocalInstitutionOnly;

    public bool Activated { get; set; } = true;
}
