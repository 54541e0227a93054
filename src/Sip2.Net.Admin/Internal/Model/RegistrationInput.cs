using System.Net;
using Sip2.Net.Access;

namespace Sip2.Net.Admin.Internal.Model;

/// <summary>
/// A registration as an administrator sends it: from the JSON API (<c>POST</c>/<c>PUT api/registrations</c>) or a
/// form. Everything is text until checked here, so bad input becomes an error naming the rule and the field rather than
/// an exception; the registry's own rules are checked by the store.
/// </summary>
internal sealed class RegistrationInput
{
    public string? IpAddress { get; set; }

    public string? LoginId { get; set; }

    /// <summary>Write-only: hashed here, never stored or returned as given.</summary>
    public string? Password { get; set; }

    public string? Description { get; set; }

    public string? InstitutionId { get; set; }

    public string? BranchId { get; set; }

    public string? Vendor { get; set; }

    public string? Encoding { get; set; }

    public string? ResolutionLevel { get; set; }

    public bool? Activated { get; set; }

    /// <summary>A new registration from the input; the store then checks the registry rules.</summary>
    public Sip2RegistryError? TryCreate(out Sip2ClientRegistration? registration)
    {
        registration = null;
        if (string.IsNullOrWhiteSpace(IpAddress))
        {
            return AdminValues.Invalid("IPAddress", "Give the client's IP address.");
        }

        if (!IPAddress.TryParse(IpAddress.Trim(), out var address))
        {
            return new Sip2RegistryError(Sip2RegistryRule.InvalidIPAddress, "IPAddress", $"'{IpAddress}' is not an IPv4 or IPv6 address.");
        }

        if (ParseSettings(out var encoding, out var level) is { } invalid)
        {
            return invalid;
        }

        registration = new Sip2ClientRegistration
        {
            IPAddress = address,
            LoginId = AdminValues.EmptyToNull(LoginId),
            PasswordHash = string.IsNullOrEmpty(Password) ? null : Sip2PasswordHash.Create(Password),
            Description = AdminValues.EmptyToNull(Description),
            InstitutionId = InstitutionId ?? "",
            BranchId = BranchId ?? "",
            Vendor = string.IsNullOrEmpty(Vendor) ? "Default" : Vendor,
            Encoding = encoding,
            ResolutionLevel = level,
            Activated = Activated ?? true,
        };
        return null;
    }

    /// <summary>
    /// The settings of <paramref name="existing"/> replaced by those given (absent ones are kept). The address, login
    /// id and activation are passed on as given, so the store refuses a change to them with its rule; a password never
    /// changes here (it has its own operation).
    /// </summary>
    public Sip2RegistryError? TryUpdate(Sip2ClientRegistration existing, out Sip2ClientRegistration? updated)
    {
        updated = null;
        if (!string.IsNullOrEmpty(Password))
        {
            return new Sip2RegistryError(Sip2RegistryRule.DedicatedOperationRequired, "PasswordHash", "Set a password with PUT api/registrations/{id}/password.");
        }

        var address = existing.IPAddress;
        if (!string.IsNullOrWhiteSpace(IpAddress) && !IPAddress.TryParse(IpAddress.Trim(), out address!))
        {
            return new Sip2RegistryError(Sip2RegistryRule.InvalidIPAddress, "IPAddress", $"'{IpAddress}' is not an IPv4 or IPv6 address.");
        }

        var encoding = existing.Encoding;
        var level = existing.ResolutionLevel;
        if ((Encoding is not null || ResolutionLevel is not null) && ParseSettings(out encoding, out level) is { } invalid)
        {
            return invalid;
        }

        updated = existing with
        {
            IPAddress = address,
            LoginId = LoginId is null ? existing.LoginId : AdminValues.EmptyToNull(LoginId),
            Description = Description is null ? existing.Description : AdminValues.EmptyToNull(Description),
            InstitutionId = InstitutionId ?? existing.InstitutionId,
            BranchId = BranchId ?? existing.BranchId,
            Vendor = Vendor ?? existing.Vendor,
            Encoding = Encoding is null ? existing.Encoding : encoding,
            ResolutionLevel = ResolutionLevel is null ? existing.ResolutionLevel : level,
            Activated = Activated ?? existing.Activated,
        };
        return null;
    }

    private Sip2RegistryError? ParseSettings(out Encodings.Sip2CharacterEncoding encoding, out Resolution.Sip2ResolutionLevel level)
    {
        level = default;
        if (!AdminValues.TryParseEncoding(Encoding, out encoding))
        {
            return AdminValues.Invalid("Encoding", $"'{Encoding}' is not a character encoding: IBM850 or UTF-8.");
        }

        return AdminValues.TryParseResolution(ResolutionLevel, out level)
            ? null
            : AdminValues.Invalid("ResolutionLevel", $"'{ResolutionLevel}' is not a resolution level: LocalInstitutionOnly or WholeGroup.");
    }
}
