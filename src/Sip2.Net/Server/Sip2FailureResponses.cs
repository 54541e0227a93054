using System;
using Sip2.Net.Messages;

namespace Sip2.Net.Server;

/// <summary>
/// The well-formed "no" for each request: the response of the matching type with ok = 0 (or N), the
/// request's identifiers echoed, required fields present and empty where unknown, and a screen message.
/// These follow what Evergreen and Koha send, so kiosks recognise them.
/// </summary>
public static class Sip2FailureResponses
{
    private const PatronStatus UnknownPatron = PatronStatus.ChargePrivilegesDenied | PatronStatus.RenewalPrivilegesDenied
        | PatronStatus.RecallPrivilegesDenied | PatronStatus.HoldPrivilegesDenied;

    /// <summary>The failure response to <paramref name="request"/>, or null for a message that has no response of its own (93, 97, 99 and responses).</summary>
    public static Sip2Message? TryFor(Sip2Message request, string screenMessage, Sip2Timestamp now)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        string[] text = string.IsNullOrEmpty(screenMessage) ? [] : [screenMessage];
        string Get(FieldId id) => request.GetField(id) ?? "";
        var institution = Get(FieldId.InstitutionId);
        var patron = Get(FieldId.PatronIdentifier);
        var item = Get(FieldId.ItemIdentifier);
        var language = request switch
        {
            PatronStatusRequest status => status.Language ?? Sip2Language.Unknown,
            PatronInformationRequest information => information.Language ?? Sip2Language.Unknown,
            _ => Sip2Language.Unknown,
        };

        return request.Command switch
        {
            Sip2Command.PatronStatusRequest or Sip2Command.BlockPatron => new PatronStatusResponse
            {
                PatronStatus = UnknownPatron, Language = language, TransactionDate = now,
                InstitutionId = institution, PatronIdentifier = patron, PersonalName = "", ValidPatron = false, ScreenMessages = text,
            },
            Sip2Command.Checkout => new CheckoutResponse
            {
                Ok = false, RenewalOk = false, MagneticMedia = null, Desensitize = false, TransactionDate = now,
                InstitutionId = institution, PatronIdentifier = patron, ItemIdentifier = item, TitleIdentifier = "", DueDate = "", ScreenMessages = text,
            },
            Sip2Command.Checkin => new CheckinResponse
            {
                Ok = false, Resensitize = false, MagneticMedia = null, Alert = false, TransactionDate = now,
                InstitutionId = institution, ItemIdentifier = item, PermanentLocation = "", ScreenMessages = text,
            },
            Sip2Command.PatronInformation => new PatronInformationResponse
            {
                PatronStatus = UnknownPatron, Language = language, TransactionDate = now,
                HoldItemsCount = 0, OverdueItemsCount = 0, ChargedItemsCount = 0, FineItemsCount = 0, RecallItemsCount = 0, UnavailableHoldsCount = 0,
                InstitutionId = institution, PatronIdentifier = patron, PersonalName = "", ValidPatron = false, ScreenMessages = text,
            },
            Sip2Command.EndPatronSession => new EndSessionResponse
            {
                EndSession = false, TransactionDate = now, InstitutionId = institution, PatronIdentifier = patron, ScreenMessages = text,
            },
            Sip2Command.FeePaid => new FeePaidResponse
            {
                PaymentAccepted = false, TransactionDate = now, InstitutionId = institution, PatronIdentifier = patron,
                TransactionId = request.GetField(FieldId.TransactionId), ScreenMessages = text,
            },
            Sip2Command.ItemInformation => new ItemInformationResponse
            {
                CirculationStatus = CirculationStatus.Other, SecurityMarker = SecurityMarker.Other, FeeType = FeeType.Other, TransactionDate = now,
                ItemIdentifier = item, TitleIdentifier = "", ScreenMessages = text,
            },
            Sip2Command.ItemStatusUpdate => new ItemStatusUpdateResponse
            {
                ItemPropertiesOk = false, TransactionDate = now, ItemIdentifier = item, ScreenMessages = text,
            },
            Sip2Command.PatronEnable => new PatronEnableResponse
            {
                PatronStatus = UnknownPatron, Language = Sip2Language.Unknown, TransactionDate = now,
                InstitutionId = institution, PatronIdentifier = patron, PersonalName = "", ValidPatron = false, ScreenMessages = text,
            },
            Sip2Command.Hold => new HoldResponse
            {
                Ok = false, Available = false, TransactionDate = now, InstitutionId = institution, PatronIdentifier = patron,
                ItemIdentifier = request.GetField(FieldId.ItemIdentifier), TitleIdentifier = request.GetField(FieldId.TitleIdentifier), ScreenMessages = text,
            },
            Sip2Command.Renew => new RenewResponse
            {
                Ok = false, RenewalOk = false, MagneticMedia = null, Desensitize = false, TransactionDate = now,
                InstitutionId = institution, PatronIdentifier = patron, ItemIdentifier = item, TitleIdentifier = Get(FieldId.TitleIdentifier), DueDate = "", ScreenMessages = text,
            },
            Sip2Command.RenewAll => new RenewAllResponse
            {
                Ok = false, RenewedCount = 0, UnrenewedCount = 0, TransactionDate = now, InstitutionId = institution, ScreenMessages = text,
            },
            _ => null,
        };
    }

    /// <summary>Whether <see cref="TryFor"/> has a response for <paramref name="command"/>, without building one.</summary>
    internal static bool Exists(Sip2Command command) => command is Sip2Command.PatronStatusRequest or Sip2Command.BlockPatron
        or Sip2Command.Checkout or Sip2Command.Checkin or Sip2Command.PatronInformation or Sip2Command.EndPatronSession
        or Sip2Command.FeePaid or Sip2Command.ItemInformation or Sip2Command.ItemStatusUpdate or Sip2Command.PatronEnable
        or Sip2Command.Hold or Sip2Command.Renew or Sip2Command.RenewAll;

    /// <summary>The failure response to <paramref name="request"/>.</summary>
    /// <exception cref="ArgumentException">The message has no failure response of its own (93, 97, 99, or a response).</exception>
    public static Sip2Message For(Sip2Message request, string screenMessage, Sip2Timestamp now) =>
        TryFor(request, screenMessage, now) ?? throw new ArgumentException($"{request.Command} has no failure response.", nameof(request));
}
