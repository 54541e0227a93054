using System;
using System.Globalization;
using System.Text;
using Sip2.Net.Resolution;

namespace Sip2.Net.Access;

/// <summary>
/// The <see cref="Sip2AuditEntry.Details"/> text of each kind of change, written the same by every store: the values
/// stored, <c>name=value</c> separated by <c>; </c>. A password is shown only as <c>password=set</c> or
/// <c>password=none</c>: never the password, never its hash.
/// </summary>
public static class Sip2AuditDetails
{
    /// <summary>The details of a registration as stored.</summary>
    public static string Of(Sip2ClientRegistration registration)
    {
        if (registration is null)
        {
            throw new ArgumentNullException(nameof(registration));
        }

        return Join(
            ("ipAddress", registration.IPAddress?.ToString()),
            ("loginId", registration.LoginId),
            ("password", registration.PasswordHash is null ? "none" : "set"),
            ("description", registration.Description),
            ("institutionId", registration.InstitutionId),
            ("branchId", registration.BranchId),
            ("vendor", registration.Vendor),
            ("encoding", registration.Encoding.ToString()),
            ("resolutionLevel", registration.ResolutionLevel.ToString()),
            ("activated", registration.Activated ? "true" : "false"));
    }

    /// <summary>The details of a group.</summary>
    public static string Of(Sip2InstitutionGroup group) =>
        Join(("id", (group ?? throw new ArgumentNullException(nameof(group))).Id), ("name", group.Name));

    /// <summary>The details of an institution.</summary>
    public static string Of(Sip2Institution institution) =>
        Join(("id", (institution ?? throw new ArgumentNullException(nameof(institution))).Id), ("name", institution.Name), ("groupId", institution.GroupId));

    /// <summary>The details of a branch configuration.</summary>
    public static string Of(Sip2BranchConfiguration configuration)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        static string Flag(bool value) => value ? "true" : "false";
        return Join(
            ("institutionId", configuration.InstitutionId),
            ("branchId", configuration.BranchId),
            ("supportedMessages", ((int)configuration.SupportedMessages).ToString(CultureInfo.InvariantCulture)),
            ("timeoutSeconds", configuration.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)),
            ("retriesAllowed", configuration.RetriesAllowed.ToString(CultureInfo.InvariantCulture)),
            ("terminalLocation", configuration.TerminalLocation),
            ("libraryName", configuration.LibraryName),
            ("sendPersonalData", Flag(configuration.SendPersonalData)),
            ("useSortBin", Flag(configuration.UseSortBin)),
            ("availableHoldAllowed", Flag(configuration.AvailableHoldAllowed)),
            ("onlineStatus", Flag(configuration.OnlineStatus)),
            ("checkinOk", Flag(configuration.CheckinOk)),
            ("checkoutOk", Flag(configuration.CheckoutOk)),
            ("renewalPolicy", Flag(configuration.RenewalPolicy)),
            ("statusUpdateOk", Flag(configuration.StatusUpdateOk)),
            ("offlineOk", Flag(configuration.OfflineOk)));
    }

    /// <summary>The details of a custom message (null text: removed).</summary>
    public static string Of(string institutionId, Sip2MessageScenario scenario, string? text) =>
        Join(("institutionId", institutionId), ("scenario", scenario.ToString()), ("text", text));

    /// <summary>The subject of a branch configuration's entry: <c>INSTITUTION/BRANCH</c>.</summary>
    public static string Subject(string institutionId, string branchId) => institutionId + "/" + branchId;

    /// <summary>The subject of a custom message's entry: <c>INSTITUTION/Scenario</c>.</summary>
    public static string Subject(string institutionId, Sip2MessageScenario scenario) => institutionId + "/" + scenario.ToString();

    /// <summary>The audit action of a registration change.</summary>
    public static Sip2AuditAction ActionOf(Sip2RegistrationChangeKind kind) => kind switch
    {
        Sip2RegistrationChangeKind.Created => Sip2AuditAction.RegistrationCreated,
        Sip2RegistrationChangeKind.Updated => Sip2AuditAction.RegistrationUpdated,
        Sip2RegistrationChangeKind.Activated => Sip2AuditAction.RegistrationActivated,
        Sip2RegistrationChangeKind.Deactivated => Sip2AuditAction.RegistrationDeactivated,
        Sip2RegistrationChangeKind.Deleted => Sip2AuditAction.RegistrationDeleted,
        Sip2RegistrationChangeKind.LoginChanged => Sip2AuditAction.RegistrationLoginChanged,
        Sip2RegistrationChangeKind.PasswordSet => Sip2AuditAction.RegistrationPasswordSet,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a registration change."),
    };

    /// <summary>The actor recorded for a caller that named none.</summary>
    public const string UnknownActor = "unknown";

    /// <summary>The actor as recorded: trimmed, at most 255 characters, <see cref="UnknownActor"/> when empty.</summary>
    public static string Actor(string? actor)
    {
        var trimmed = actor?.Trim();
        return string.IsNullOrEmpty(trimmed) ? UnknownActor : trimmed!.Length > 255 ? trimmed.Substring(0, 255) : trimmed;
    }

    private static string Join(params (string Name, string? Value)[] values)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in values)
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(name).Append('=').Append(value ?? "");
        }

        return text.ToString();
    }
}
