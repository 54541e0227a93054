using System;
using System.Collections.Generic;
using System.Linq;
using Sip2.Net.Access;
using Sip2.Net.Messages;

namespace Sip2.Net.Admin.Internal.Model;

/// <summary>A branch's SIP2 configuration as an administrator sends it (JSON or form); absent values keep the basis's.</summary>
internal sealed class BranchInput
{
    public string? InstitutionId { get; set; }

    public string? BranchId { get; set; }

    /// <summary>The names of the messages switched on (<see cref="Messages.SupportedMessages"/> flags, e.g. <c>Checkout</c>).</summary>
    public IReadOnlyList<string>? SupportedMessages { get; set; }

    public int? TimeoutSeconds { get; set; }

    public int? RetriesAllowed { get; set; }

    public string? TerminalLocation { get; set; }

    public string? LibraryName { get; set; }

    public bool? SendPersonalData { get; set; }

    public bool? UseSortBin { get; set; }

    public bool? AvailableHoldAllowed { get; set; }

    public bool? OnlineStatus { get; set; }

    public bool? CheckinOk { get; set; }

    public bool? CheckoutOk { get; set; }

    public bool? RenewalPolicy { get; set; }

    public bool? StatusUpdateOk { get; set; }

    public bool? OfflineOk { get; set; }

    /// <summary>The 16 messages of BX in wire order, with the names the API uses.</summary>
    public static IReadOnlyList<SupportedMessages> AllMessages { get; } =
        Enum.GetValues<SupportedMessages>().Where(m => m is not Messages.SupportedMessages.None and not Messages.SupportedMessages.All).ToArray();

    /// <summary>How the screen names a message: as the standard does, with its command codes.</summary>
    public static string Label(SupportedMessages message) => message switch
    {
        Messages.SupportedMessages.PatronStatusRequest => "Patron status (23)",
        Messages.SupportedMessages.Checkout => "Checkout (11)",
        Messages.SupportedMessages.Checkin => "Checkin (09)",
        Messages.SupportedMessages.BlockPatron => "Block patron (01)",
        Messages.SupportedMessages.ScAcsStatus => "SC/ACS status (99/98)",
        Messages.SupportedMessages.RequestScAcsResend => "Request resend (97/96)",
        Messages.SupportedMessages.Login => "Login (93)",
        Messages.SupportedMessages.PatronInformation => "Patron information (63)",
        Messages.SupportedMessages.EndPatronSession => "End patron session (35)",
        Messages.SupportedMessages.FeePaid => "Fee paid (37)",
        Messages.SupportedMessages.ItemInformation => "Item information (17)",
        Messages.SupportedMessages.ItemStatusUpdate => "Item status update (19)",
        Messages.SupportedMessages.PatronEnable => "Patron enable (25)",
        Messages.SupportedMessages.Hold => "Hold (15)",
        Messages.SupportedMessages.Renew => "Renew (29)",
        _ => "Renew all (65)",
    };

    public static IReadOnlyList<string> Names(SupportedMessages messages) =>
        AllMessages.Where(m => messages.HasFlag(m)).Select(m => m.ToString()).ToArray();

    public Sip2RegistryError? TryBuild(Sip2BranchConfiguration? basis, out Sip2BranchConfiguration? configuration)
    {
        configuration = null;
        var messages = basis?.SupportedMessages ?? Messages.SupportedMessages.All;
        if (SupportedMessages is not null)
        {
            messages = Messages.SupportedMessages.None;
            foreach (var name in SupportedMessages)
            {
                var flag = AllMessages.FirstOrDefault(m => string.Equals(m.ToString(), name, StringComparison.OrdinalIgnoreCase));
                if (flag == Messages.SupportedMessages.None)
                {
                    return AdminValues.Invalid("SupportedMessages", $"'{name}' is not a SIP2 message; use one of {string.Join(", ", AllMessages)}.");
                }

                messages |= flag;
            }
        }

        var defaults = basis ?? new Sip2BranchConfiguration { InstitutionId = "", BranchId = "" };
        configuration = defaults with
        {
            InstitutionId = basis?.InstitutionId ?? InstitutionId ?? "",
            BranchId = basis?.BranchId ?? BranchId ?? "",
            SupportedMessages = messages,
            TimeoutSeconds = TimeoutSeconds ?? defaults.TimeoutSeconds,
            RetriesAllowed = RetriesAllowed ?? defaults.RetriesAllowed,
            TerminalLocation = TerminalLocation is null ? defaults.TerminalLocation : AdminValues.EmptyToNull(TerminalLocation),
            LibraryName = LibraryName is null ? defaults.LibraryName : AdminValues.EmptyToNull(LibraryName),
            SendPersonalData = SendPersonalData ?? defaults.SendPersonalData,
            UseSortBin = UseSortBin ?? defaults.UseSortBin,
            AvailableHoldAllowed = AvailableHoldAllowed ?? defaults.AvailableHoldAllowed,
            OnlineStatus = OnlineStatus ?? defaults.OnlineStatus,
            CheckinOk = CheckinOk ?? defaults.CheckinOk,
            CheckoutOk = CheckoutOk ?? defaults.CheckoutOk,
            RenewalPolicy = RenewalPolicy ?? defaults.RenewalPolicy,
            StatusUpdateOk = StatusUpdateOk ?? defaults.StatusUpdateOk,
            OfflineOk = OfflineOk ?? defaults.OfflineOk,
        };
        return null;
    }
}
