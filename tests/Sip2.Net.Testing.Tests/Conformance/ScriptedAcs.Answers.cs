using System.Text;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Testing.Tests.Conformance;

// What the scripted server answers: the standard's answer, bent by the fault.
internal sealed partial class ScriptedAcs
{
    private static readonly SupportedMessages Supported = SupportedMessages.All & ~SupportedMessages.PatronStatusRequest;
    private static readonly Sip2CodecOptions Codec = new();

    // The answer to one frame, with its terminator; null to close the connection.
    private byte[]? Answer(Session session, byte[] frame)
    {
        if (frame.Length == 0 || frame.All(b => b <= ' '))
        {
            return [];
        }

        var trailerHex = frame.Length >= 4 ? Encoding.ASCII.GetString(frame, frame.Length - 4, 4) : "";
        if (Fault == AcsFault.RejectsLowercaseHex && trailerHex.Any(char.IsLower) && frame.AsSpan().IndexOf("AZ"u8) >= 0)
        {
            return Resend96(withChecksum: true);
        }

        var detection = Fault switch
        {
            AcsFault.IgnoresChecksum => Sip2ErrorDetectionMode.Off,
            AcsFault.RequiresTrailer => Sip2ErrorDetectionMode.On,
            _ => Sip2ErrorDetectionMode.Auto,
        };
        var read = Sip2MessageParser.Parse(frame, Codec with { ErrorDetection = detection });
        if (read.Message is not { } request)
        {
            return Fault == AcsFault.ClosesOnUnknownCommand && read.Error?.Code == Sip2ErrorCode.UnknownCommand
                ? null
                : Remember96(session, Resend96(read.HasChecksum || detection == Sip2ErrorDetectionMode.On));
        }

        if (request is RequestAcsResend)
        {
            return session.Last switch
            {
                null when Fault == AcsFault.AnswersResendWithoutHistory => Write(Status(), read),
                null => Resend96(read.HasChecksum),
                _ when Fault == AcsFault.ResendRebuilds => Sip2MessageWriter.ToBytes(session.LastMessage! is AcsStatusResponse ? Status() : session.LastMessage!, Codec, Sip2Trailer.WithChecksum(0)),
                _ => session.Last,
            };
        }

        if (!request.Descriptor.IsRequest && Fault != AcsFault.AnswersResponses)
        {
            return Remember96(session, Resend96(read.HasChecksum));
        }

        if ((Fault == AcsFault.RejectsUnknownFields && request.UnknownFields.Count > 0) || (Fault == AcsFault.RejectsReorderedFields && !InOrder(request)))
        {
            return Remember96(session, Resend96(read.HasChecksum));
        }

        var response = Respond(session, request);
        var bytes = Write(response, read);
        session.Last = bytes;
        session.LastMessage = response;
        return bytes;
    }

    private Sip2Message Respond(Session session, Sip2Message request)
    {
        var now = Sip2Timestamp.Local(DateTime.Now);
        switch (request)
        {
            case LoginRequest login:
                var ok = Fault != AcsFault.RefusesEveryLogin && (Fault == AcsFault.AcceptsAnyLogin || (login.LoginUserId == LoginId && login.LoginPassword == Password));
                session.LoggedIn |= ok;
                return new LoginResponse { Ok = ok };
            case ScStatusRequest:
                return Status();
            case LoginResponse:
                return new LoginResponse { Ok = true }; // AnswersResponses: a 94 treated as if it meant something
        }

        var served = session.LoggedIn || Fault == AcsFault.ServesBeforeLogin;
        var known = served && (Supported.Allows(request.Command) || Fault == AcsFault.IgnoresSupportedMessages);
        var patronKnown = known && request.GetField(FieldId.PatronIdentifier) == "P1";
        var pinRight = request.GetField(FieldId.PatronPassword) == "1234";
        var itemKnown = known && request.GetField(FieldId.ItemIdentifier) == "I1";
        var institution = request.GetField(FieldId.InstitutionId) ?? "LIB";
        var patron = request.GetField(FieldId.PatronIdentifier) ?? "";
        var item = request.GetField(FieldId.ItemIdentifier) ?? "";
        switch (request)
        {
            case PatronInformationRequest:
                return new PatronInformationResponse
                {
                    Language = Sip2Language.English, TransactionDate = now, InstitutionId = institution, PatronIdentifier = patron,
                    PersonalName = patronKnown ? "Pat Ron" : "", ValidPatron = patronKnown && Fault != AcsFault.PatronNeverValid,
                    ValidPatronPassword = patronKnown && (pinRight || Fault == AcsFault.PinNotChecked),
                    HoldItemsCount = 0, OverdueItemsCount = 0, ChargedItemsCount = onLoan ? 1 : 0, FineItemsCount = 0, RecallItemsCount = 0, UnavailableHoldsCount = 0,
                };
            case PatronStatusRequest or BlockPatronRequest:
                return new PatronStatusResponse
                {
                    Language = Sip2Language.English, TransactionDate = now, InstitutionId = institution, PatronIdentifier = patron,
                    PersonalName = patronKnown ? "Pat Ron" : "", ValidPatron = patronKnown,
                };
            case PatronEnableRequest:
                return new PatronEnableResponse
                {
                    Language = Sip2Language.English, TransactionDate = now, InstitutionId = institution, PatronIdentifier = patron, PersonalName = patronKnown ? "Pat Ron" : "",
                };
            case ItemInformationRequest:
                return new ItemInformationResponse
                {
                    CirculationStatus = itemKnown ? (onLoan ? CirculationStatus.Charged : CirculationStatus.Available) : CirculationStatus.Other,
                    SecurityMarker = SecurityMarker.None, FeeType = FeeType.Other, TransactionDate = now,
                    ItemIdentifier = Fault == AcsFault.ItemNotEchoed ? "X" + item : item, TitleIdentifier = itemKnown ? "A Title" : "",
                };
            case CheckoutRequest:
                var lent = patronKnown && itemKnown && !onLoan && Fault != AcsFault.CheckoutRefused;
                onLoan |= lent;
                return new CheckoutResponse
                {
                    Ok = lent, MagneticMedia = false, Desensitize = lent, TransactionDate = now, InstitutionId = institution, PatronIdentifier = patron,
                    ItemIdentifier = item, TitleIdentifier = itemKnown ? "A Title" : "", DueDate = lent ? Sip2Timestamp.Local(DateTime.Today.AddDays(21)).ToString() : "",
                };
            case CheckinRequest:
                var back = itemKnown && onLoan;
                onLoan &= !back;
                return new CheckinResponse { Ok = back, Resensitize = back, MagneticMedia = false, TransactionDate = now, InstitutionId = institution, ItemIdentifier = item, PermanentLocation = "" };
            case RenewRequest:
                return new RenewResponse { TransactionDate = now, InstitutionId = institution, PatronIdentifier = patron, ItemIdentifier = item, TitleIdentifier = "", DueDate = "" };
            case RenewAllRequest:
                return new RenewAllResponse { RenewedCount = 0, UnrenewedCount = 0, TransactionDate = now, InstitutionId = institution };
            case EndPatronSessionRequest:
                return new EndPatronSessionResponse { EndSession = patronKnown, TransactionDate = now, InstitutionId = institution, PatronIdentifier = patron };
            case FeePaidRequest:
                return new FeePaidResponse { TransactionDate = now, InstitutionId = institution, PatronIdentifier = patron };
            case HoldRequest:
                return new HoldResponse { TransactionDate = now, InstitutionId = institution, PatronIdentifier = patron };
            case ItemStatusUpdateRequest:
                return new ItemStatusUpdateResponse { TransactionDate = now, ItemIdentifier = item };
            default:
                return new RequestScResend();
        }
    }

    private AcsStatusResponse Status() => new()
    {
        OnlineStatus = true, CheckinOk = true, CheckoutOk = true, AcsRenewalPolicy = true, TimeoutPeriod = 300, RetriesAllowed = 3,
        DateTimeSync = Sip2Timestamp.Local(Fault == AcsFault.ClockOff ? DateTime.Now.AddDays(400) : DateTime.Now),
        ProtocolVersion = "2.00", InstitutionId = "LIB", SupportedMessages = Supported,
    };

    // The answer with the request's trailer, bent by the layout faults for the target response.
    private byte[] Write(Sip2Message response, Sip2ParseResult request)
    {
        var sequence = Fault == AcsFault.WrongSequence ? 0 : request.SequenceNumber;
        var trailer = request.HasChecksum ? Sip2Trailer.WithChecksum(sequence) : Sip2Trailer.None;
        if (response.Command != Target || Fault is not (AcsFault.BrokenFixedPart or AcsFault.MissingRequiredField))
        {
            return Sip2MessageWriter.ToBytes(response, Codec, trailer);
        }

        var text = Encoding.ASCII.GetString(Sip2MessageWriter.ToBytes(response, Codec, Sip2Trailer.None)).TrimEnd('\r');
        if (Fault == AcsFault.BrokenFixedPart)
        {
            text = text.Remove(2, 1); // one character short: every later fixed field slides
        }
        else
        {
            var required = response.Descriptor.Fields.First(f => f.IsRequired).Id.ToString();
            var start = text.IndexOf(required, 2 + response.Descriptor.FixedLength, StringComparison.Ordinal);
            text = text.Remove(start, text.IndexOf('|', start) - start + 1);
        }

        if (!request.HasChecksum)
        {
            return Encoding.ASCII.GetBytes(text + "\r");
        }

        var body = Encoding.ASCII.GetBytes(text + (sequence is { } n && response is not RequestScResend ? "AY" + n : "") + "AZ");
        return [.. body, .. Encoding.ASCII.GetBytes(Sip2Checksum.ToHex(Sip2Checksum.Compute(body))), (byte)'\r'];
    }

    private static byte[] Resend96(bool withChecksum) => withChecksum ? "96AZFEF6\r"u8.ToArray() : "96\r"u8.ToArray();

    // A 96 is never the last response to resend, unless the fault says so.
    private byte[] Remember96(Session session, byte[] bytes)
    {
        if (Fault == AcsFault.ResendRemembers96)
        {
            session.Last = bytes;
            session.LastMessage = new RequestScResend();
        }

        return bytes;
    }

    // Whether the request's known fields came in the standard's order.
    private static bool InOrder(Sip2Message request)
    {
        var orders = request.Fields.Select(f => request.Descriptor.FindField(f.Id)?.Order).Where(o => o is not null).ToList();
        return orders.SequenceEqual(orders.Order());
    }
}
