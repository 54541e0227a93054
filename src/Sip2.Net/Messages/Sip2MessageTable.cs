using System;
using System.Collections.Generic;

namespace Sip2.Net.Messages;

/// <summary>
/// The one table that describes every SIP2 2.00 message: its command code, its fixed fields (in wire order,
/// with length, kind and default) and the variable fields it knows (id, kind, required, repeatable, and
/// whether the field is a vendor extension). The parser, the formatter, strict validation, the record
/// properties and <c>docs/messages.md</c> all work from this table; nothing else knows a message's layout.
/// </summary>
public static class Sip2MessageTable
{
    // Command codes are two digits: tables by code are arrays of this length.
    internal const int CommandCodes = 100;

    // By command code: an array, since every parsed and every built message looks its entry up.
    private static readonly Entry?[] ByCommand = new Entry?[CommandCodes];
    private static readonly Dictionary<Type, Sip2MessageDescriptor> ByType = new();

    static Sip2MessageTable()
    {
        var all = new List<Sip2MessageDescriptor>();
        foreach (var builder in Define())
        {
            var descriptor = builder.Build();
            if (ByCommand[(int)descriptor.Command] is not null)
            {
                throw new InvalidOperationException($"The table defines {descriptor.Command} twice.");
            }

            ByCommand[(int)descriptor.Command] = new Entry(descriptor, builder.Factory);
            ByType.Add(descriptor.MessageType, descriptor);
            all.Add(descriptor);
        }

        All = all;
    }

    /// <summary>Every message, in the order of the specification's message pairs.</summary>
    public static IReadOnlyList<Sip2MessageDescriptor> All { get; }

    /// <summary>The descriptor of a command code.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The code is not a SIP2 2.00 message.</exception>
    public static Sip2MessageDescriptor Get(Sip2Command command) =>
        Find(command) is { } entry
            ? entry.Descriptor
            : throw new ArgumentOutOfRangeException(nameof(command), command, "Not a SIP2 2.00 command code.");

    /// <summary>The descriptor of a command code, or false for a code SIP2 2.00 does not define.</summary>
    public static bool TryGet(Sip2Command command, out Sip2MessageDescriptor descriptor)
    {
        if (Find(command) is { } entry)
        {
            descriptor = entry.Descriptor;
            return true;
        }

        descriptor = null!;
        return false;
    }

    /// <summary>The descriptor of a message record type.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The type is not a message record.</exception>
    public static Sip2MessageDescriptor Get(Type messageType) =>
        messageType is not null && ByType.TryGetValue(messageType, out var descriptor)
            ? descriptor
            : throw new ArgumentOutOfRangeException(nameof(messageType), messageType, "Not a SIP2 message record type.");

    /// <summary>A new message of the given code, with the table's defaults.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The code is not a SIP2 2.00 message.</exception>
    internal static Sip2Message Create(Sip2Command command) =>
        Find(command) is { } entry
            ? entry.Factory()
            : throw new ArgumentOutOfRangeException(nameof(command), command, "Not a SIP2 2.00 command code.");

    private static Entry? Find(Sip2Command command) => (uint)command < (uint)ByCommand.Length ? ByCommand[(int)command] : null;

    private sealed record Entry(Sip2MessageDescriptor Descriptor, Func<Sip2Message> Factory);

    [Flags]
    private enum FieldOptions
    {
        None = 0,
        Required = 1,
        Repeatable = 2,
        Extension = 4,
    }

    private sealed class Builder(Sip2Command command, string specName, Type type, bool isRequest, Sip2Command? response, Func<Sip2Message> factory)
    {
        private readonly List<Sip2FixedFieldDescriptor> fixedFields = new();
        private readonly List<Sip2VariableFieldDescriptor> fields = new();
        private int offset;

        public Func<Sip2Message> Factory => factory;

        public Builder Fixed(string property, string name, int length, Sip2FieldKind kind, Type valueType, string defaultText)
        {
            fixedFields.Add(new Sip2FixedFieldDescriptor(fixedFields.Count, property, name, offset, length, kind, valueType, defaultText));
            offset += length;
            return this;
        }

        public Builder Field(FieldId id, string property, string name, Sip2FieldKind kind, Type valueType, FieldOptions options, int codeLength = 0)
        {
            fields.Add(new Sip2VariableFieldDescriptor(fields.Count, id, property, name, kind, valueType,
                (options & FieldOptions.Required) != 0, (options & FieldOptions.Repeatable) != 0, (options & FieldOptions.Extension) != 0, codeLength));
            return this;
        }

        public Sip2MessageDescriptor Build() => new(command, specName, type, isRequest, response, fixedFields, fields);
    }

    // The table. Fixed fields: property, spec name, length, kind, property type, default text.
    // Variable fields: id, property, spec name, kind, property type, options, digits written (codes, counts).
    private static Builder[] Define() =>
    [
        new Builder(Sip2Command.Login, "Login", typeof(LoginRequest), true, Sip2Command.LoginResponse, static () => new LoginRequest())
            .Fixed(nameof(LoginRequest.UidAlgorithm), "UID algorithm", 1, Sip2FieldKind.Character, typeof(char), "0")
            .Fixed(nameof(LoginRequest.PwdAlgorithm), "PWD algorithm", 1, Sip2FieldKind.Character, typeof(char), "0")
            .Field(FieldId.LoginUserId, nameof(LoginRequest.LoginUserId), "login user id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.LoginPassword, nameof(LoginRequest.LoginPassword), "login password", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.LocationCode, nameof(LoginRequest.LocationCode), "location code", Sip2FieldKind.Text, typeof(string), FieldOptions.None),
        new Builder(Sip2Command.LoginResponse, "Login Response", typeof(LoginResponse), false, null, static () => new LoginResponse())
            .Fixed(nameof(LoginResponse.Ok), "ok", 1, Sip2FieldKind.OneZero, typeof(bool), "0"),
        new Builder(Sip2Command.ScStatus, "SC Status", typeof(ScStatusRequest), true, Sip2Command.AcsStatus, static () => new ScStatusRequest())
            .Fixed(nameof(ScStatusRequest.StatusCode), "status code", 1, Sip2FieldKind.Code, typeof(ScStatusCode?), "0")
            .Fixed(nameof(ScStatusRequest.MaxPrintWidth), "max print width", 3, Sip2FieldKind.Number, typeof(int?), "000")
            .Fixed(nameof(ScStatusRequest.ProtocolVersion), "protocol version", 4, Sip2FieldKind.Text, typeof(string), "2.00"),
        new Builder(Sip2Command.AcsStatus, "ACS Status", typeof(AcsStatusResponse), false, null, static () => new AcsStatusResponse())
            .Fixed(nameof(AcsStatusResponse.OnlineStatus), "on-line status", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(AcsStatusResponse.CheckinOk), "checkin ok", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(AcsStatusResponse.CheckoutOk), "checkout ok", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(AcsStatusResponse.AcsRenewalPolicy), "ACS renewal policy", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(AcsStatusResponse.StatusUpdateOk), "status update ok", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(AcsStatusResponse.OfflineOk), "off-line ok", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(AcsStatusResponse.TimeoutPeriod), "timeout period", 3, Sip2FieldKind.Number, typeof(int?), "999")
            .Fixed(nameof(AcsStatusResponse.RetriesAllowed), "retries allowed", 3, Sip2FieldKind.Number, typeof(int?), "999")
            .Fixed(nameof(AcsStatusResponse.DateTimeSync), "date / time sync", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Fixed(nameof(AcsStatusResponse.ProtocolVersion), "protocol version", 4, Sip2FieldKind.Text, typeof(string), "2.00")
            .Field(FieldId.InstitutionId, nameof(AcsStatusResponse.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.LibraryName, nameof(AcsStatusResponse.LibraryName), "library name", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.SupportedMessages, nameof(AcsStatusResponse.SupportedMessages), "supported messages", Sip2FieldKind.SupportedMessages, typeof(SupportedMessages?), FieldOptions.Required)
            .Field(FieldId.TerminalLocation, nameof(AcsStatusResponse.TerminalLocation), "terminal location", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.ScreenMessage, nameof(AcsStatusResponse.ScreenMessages), "screen message", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.PrintLine, nameof(AcsStatusResponse.PrintLines), "print line", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable),
        new Builder(Sip2Command.RequestAcsResend, "Request ACS Resend", typeof(RequestAcsResend), true, null, static () => new RequestAcsResend()),
        new Builder(Sip2Command.RequestScResend, "Request SC Resend", typeof(RequestScResend), false, null, static () => new RequestScResend()),
        new Builder(Sip2Command.PatronStatusRequest, "Patron Status Request", typeof(PatronStatusRequest), true, Sip2Command.PatronStatusResponse, static () => new PatronStatusRequest())
            .Fixed(nameof(PatronStatusRequest.Language), "language", 3, Sip2FieldKind.Code, typeof(Sip2Language?), "000")
            .Fixed(nameof(PatronStatusRequest.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.InstitutionId, nameof(PatronStatusRequest.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronIdentifier, nameof(PatronStatusRequest.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.TerminalPassword, nameof(PatronStatusRequest.TerminalPassword), "terminal password", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronPassword, nameof(PatronStatusRequest.PatronPassword), "patron password", Sip2FieldKind.Text, typeof(string), FieldOptions.Required),
        new Builder(Sip2Command.PatronStatusResponse, "Patron Status Response", typeof(PatronStatusResponse), false, null, static () => new PatronStatusResponse())
            .Fixed(nameof(PatronStatusResponse.PatronStatus), "patron status", 14, Sip2FieldKind.PatronStatus, typeof(PatronStatus), "              ")
            .Fixed(nameof(PatronStatusResponse.Language), "language", 3, Sip2FieldKind.Code, typeof(Sip2Language?), "000")
            .Fixed(nameof(PatronStatusResponse.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.InstitutionId, nameof(PatronStatusResponse.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronIdentifier, nameof(PatronStatusResponse.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PersonalName, nameof(PatronStatusResponse.PersonalName), "personal name", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.ValidPatron, nameof(PatronStatusResponse.ValidPatron), "valid patron", Sip2FieldKind.YesNo, typeof(bool?), FieldOptions.None)
            .Field(FieldId.ValidPatronPassword, nameof(PatronStatusResponse.ValidPatronPassword), "valid patron password", Sip2FieldKind.YesNo, typeof(bool?), FieldOptions.None)
            .Field(FieldId.CurrencyType, nameof(PatronStatusResponse.CurrencyType), "currency type", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.FeeAmount, nameof(PatronStatusResponse.FeeAmount), "fee amount", Sip2FieldKind.Amount, typeof(Sip2Amount?), FieldOptions.None)
            .Field(FieldId.ScreenMessage, nameof(PatronStatusResponse.ScreenMessages), "screen message", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.PrintLine, nameof(PatronStatusResponse.PrintLines), "print line", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.HomeAddress, nameof(PatronStatusResponse.HomeAddress), "home address", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.EmailAddress, nameof(PatronStatusResponse.EmailAddress), "e-mail address", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.HomePhoneNumber, nameof(PatronStatusResponse.HomePhoneNumber), "home phone number", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension),
        new Builder(Sip2Command.BlockPatron, "Block Patron", typeof(BlockPatronRequest), true, Sip2Command.PatronStatusResponse, static () => new BlockPatronRequest())
            .Fixed(nameof(BlockPatronRequest.CardRetained), "card retained", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(BlockPatronRequest.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.InstitutionId, nameof(BlockPatronRequest.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.BlockedCardMessage, nameof(BlockPatronRequest.BlockedCardMessage), "blocked card msg", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronIdentifier, nameof(BlockPatronRequest.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.TerminalPassword, nameof(BlockPatronRequest.TerminalPassword), "terminal password", Sip2FieldKind.Text, typeof(string), FieldOptions.Required),
        new Builder(Sip2Command.Checkout, "Checkout", typeof(CheckoutRequest), true, Sip2Command.CheckoutResponse, static () => new CheckoutRequest())
            .Fixed(nameof(CheckoutRequest.ScRenewalPolicy), "SC renewal policy", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(CheckoutRequest.NoBlock), "no block", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(CheckoutRequest.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Fixed(nameof(CheckoutRequest.NbDueDate), "nb due date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.InstitutionId, nameof(CheckoutRequest.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronIdentifier, nameof(CheckoutRequest.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.ItemIdentifier, nameof(CheckoutRequest.ItemIdentifier), "item identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.TerminalPassword, nameof(CheckoutRequest.TerminalPassword), "terminal password", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.ItemProperties, nameof(CheckoutRequest.ItemProperties), "item properties", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.PatronPassword, nameof(CheckoutRequest.PatronPassword), "patron password", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.FeeAcknowledged, nameof(CheckoutRequest.FeeAcknowledged), "fee acknowledged", Sip2FieldKind.YesNo, typeof(bool?), FieldOptions.None)
            .Field(FieldId.Cancel, nameof(CheckoutRequest.Cancel), "cancel", Sip2FieldKind.YesNo, typeof(bool?), FieldOptions.None),
        new Builder(Sip2Command.CheckoutResponse, "Checkout Response", typeof(CheckoutResponse), false, null, static () => new CheckoutResponse())
            .Fixed(nameof(CheckoutResponse.Ok), "ok", 1, Sip2FieldKind.OneZero, typeof(bool), "0")
            .Fixed(nameof(CheckoutResponse.RenewalOk), "renewal ok", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(CheckoutResponse.MagneticMedia), "magnetic media", 1, Sip2FieldKind.YesNoUnknown, typeof(bool?), "U")
            .Fixed(nameof(CheckoutResponse.Desensitize), "desensitize", 1, Sip2FieldKind.YesNoUnknown, typeof(bool?), "U")
            .Fixed(nameof(CheckoutResponse.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.InstitutionId, nameof(CheckoutResponse.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronIdentifier, nameof(CheckoutResponse.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.ItemIdentifier, nameof(CheckoutResponse.ItemIdentifier), "item identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.TitleIdentifier, nameof(CheckoutResponse.TitleIdentifier), "title identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.DueDate, nameof(CheckoutResponse.DueDate), "due date", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.FeeType, nameof(CheckoutResponse.FeeType), "fee type", Sip2FieldKind.Code, typeof(FeeType?), FieldOptions.None, 2)
            .Field(FieldId.SecurityInhibit, nameof(CheckoutResponse.SecurityInhibit), "security inhibit", Sip2FieldKind.YesNo, typeof(bool?), FieldOptions.None)
            .Field(FieldId.CurrencyType, nameof(CheckoutResponse.CurrencyType), "currency type", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.FeeAmount, nameof(CheckoutResponse.FeeAmount), "fee amount", Sip2FieldKind.Amount, typeof(Sip2Amount?), FieldOptions.None)
            .Field(FieldId.MediaType, nameof(CheckoutResponse.MediaType), "media type", Sip2FieldKind.Code, typeof(MediaType?), FieldOptions.None, 3)
            .Field(FieldId.ItemProperties, nameof(CheckoutResponse.ItemProperties), "item properties", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.TransactionId, nameof(CheckoutResponse.TransactionId), "transaction id", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.ScreenMessage, nameof(CheckoutResponse.ScreenMessages), "screen message", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.PrintLine, nameof(CheckoutResponse.PrintLines), "print line", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.ValidPatron, nameof(CheckoutResponse.ValidPatron), "valid patron", Sip2FieldKind.YesNo, typeof(bool?), FieldOptions.None)
            .Field(FieldId.ValidPatronPassword, nameof(CheckoutResponse.ValidPatronPassword), "valid patron password", Sip2FieldKind.YesNo, typeof(bool?), FieldOptions.None),
        new Builder(Sip2Command.Checkin, "Checkin", typeof(CheckinRequest), true, Sip2Command.CheckinResponse, static () => new CheckinRequest())
            .Fixed(nameof(CheckinRequest.NoBlock), "no block", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(CheckinRequest.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Fixed(nameof(CheckinRequest.ReturnDate), "return date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.CurrentLocation, nameof(CheckinRequest.CurrentLocation), "current location", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.InstitutionId, nameof(CheckinRequest.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.ItemIdentifier, nameof(CheckinRequest.ItemIdentifier), "item identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.TerminalPassword, nameof(CheckinRequest.TerminalPassword), "terminal password", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.ItemProperties, nameof(CheckinRequest.ItemProperties), "item properties", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.Cancel, nameof(CheckinRequest.Cancel), "cancel", Sip2FieldKind.YesNo, typeof(bool?), FieldOptions.None),
        new Builder(Sip2Command.CheckinResponse, "Checkin Response", typeof(CheckinResponse), false, null, static () => new CheckinResponse())
            .Fixed(nameof(CheckinResponse.Ok), "ok", 1, Sip2FieldKind.OneZero, typeof(bool), "0")
            .Fixed(nameof(CheckinResponse.Resensitize), "resensitize", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(CheckinResponse.MagneticMedia), "magnetic media", 1, Sip2FieldKind.YesNoUnknown, typeof(bool?), "U")
            .Fixed(nameof(CheckinResponse.Alert), "alert", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(CheckinResponse.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.InstitutionId, nameof(CheckinResponse.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.ItemIdentifier, nameof(CheckinResponse.ItemIdentifier), "item identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PermanentLocation, nameof(CheckinResponse.PermanentLocation), "permanent location", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.TitleIdentifier, nameof(CheckinResponse.TitleIdentifier), "title identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.SortBin, nameof(CheckinResponse.SortBin), "sort bin", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.PatronIdentifier, nameof(CheckinResponse.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.MediaType, nameof(CheckinResponse.MediaType), "media type", Sip2FieldKind.Code, typeof(MediaType?), FieldOptions.None, 3)
            .Field(FieldId.ItemProperties, nameof(CheckinResponse.ItemProperties), "item properties", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.ScreenMessage, nameof(CheckinResponse.ScreenMessages), "screen message", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.PrintLine, nameof(CheckinResponse.PrintLines), "print line", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.CollectionCode, nameof(CheckinResponse.CollectionCode), "collection code", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.CallNumber, nameof(CheckinResponse.CallNumber), "call number", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.DestinationLocation, nameof(CheckinResponse.DestinationLocation), "destination location", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.AlertType, nameof(CheckinResponse.AlertType), "alert type", Sip2FieldKind.Code, typeof(AlertType?), FieldOptions.Extension, 2)
            .Field(FieldId.HoldPatronId, nameof(CheckinResponse.HoldPatronId), "hold patron id", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.HoldPatronName, nameof(CheckinResponse.HoldPatronName), "hold patron name", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.HomePhoneNumber, nameof(CheckinResponse.HoldPatronPhone), "hold patron phone", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension),
        new Builder(Sip2Command.PatronInformation, "Patron Information", typeof(PatronInformationRequest), true, Sip2Command.PatronInformationResponse, static () => new PatronInformationRequest())
            .Fixed(nameof(PatronInformationRequest.Language), "language", 3, Sip2FieldKind.Code, typeof(Sip2Language?), "000")
            .Fixed(nameof(PatronInformationRequest.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Fixed(nameof(PatronInformationRequest.Summary), "summary", 10, Sip2FieldKind.Summary, typeof(PatronSummary), "          ")
            .Field(FieldId.InstitutionId, nameof(PatronInformationRequest.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronIdentifier, nameof(PatronInformationRequest.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.TerminalPassword, nameof(PatronInformationRequest.TerminalPassword), "terminal password", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.PatronPassword, nameof(PatronInformationRequest.PatronPassword), "patron password", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.StartItem, nameof(PatronInformationRequest.StartItem), "start item", Sip2FieldKind.Number, typeof(int?), FieldOptions.None)
            .Field(FieldId.EndItem, nameof(PatronInformationRequest.EndItem), "end item", Sip2FieldKind.Number, typeof(int?), FieldOptions.None),
        new Builder(Sip2Command.PatronInformationResponse, "Patron Information Response", typeof(PatronInformationResponse), false, null, static () => new PatronInformationResponse())
            .Fixed(nameof(PatronInformationResponse.PatronStatus), "patron status", 14, Sip2FieldKind.PatronStatus, typeof(PatronStatus), "              ")
            .Fixed(nameof(PatronInformationResponse.Language), "language", 3, Sip2FieldKind.Code, typeof(Sip2Language?), "000")
            .Fixed(nameof(PatronInformationResponse.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Fixed(nameof(PatronInformationResponse.HoldItemsCount), "hold items count", 4, Sip2FieldKind.Count, typeof(int?), "    ")
            .Fixed(nameof(PatronInformationResponse.OverdueItemsCount), "overdue items count", 4, Sip2FieldKind.Count, typeof(int?), "    ")
            .Fixed(nameof(PatronInformationResponse.ChargedItemsCount), "charged items count", 4, Sip2FieldKind.Count, typeof(int?), "    ")
            .Fixed(nameof(PatronInformationResponse.FineItemsCount), "fine items count", 4, Sip2FieldKind.Count, typeof(int?), "    ")
            .Fixed(nameof(PatronInformationResponse.RecallItemsCount), "recall items count", 4, Sip2FieldKind.Count, typeof(int?), "    ")
            .Fixed(nameof(PatronInformationResponse.UnavailableHoldsCount), "unavailable holds count", 4, Sip2FieldKind.Count, typeof(int?), "    ")
            .Field(FieldId.InstitutionId, nameof(PatronInformationResponse.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronIdentifier, nameof(PatronInformationResponse.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PersonalName, nameof(PatronInformationResponse.PersonalName), "personal name", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.HoldItemsLimit, nameof(PatronInformationResponse.HoldItemsLimit), "hold items limit", Sip2FieldKind.Count, typeof(int?), FieldOptions.None, 4)
            .Field(FieldId.OverdueItemsLimit, nameof(PatronInformationResponse.OverdueItemsLimit), "overdue items limit", Sip2FieldKind.Count, typeof(int?), FieldOptions.None, 4)
            .Field(FieldId.ChargedItemsLimit, nameof(PatronInformationResponse.ChargedItemsLimit), "charged items limit", Sip2FieldKind.Count, typeof(int?), FieldOptions.None, 4)
            .Field(FieldId.ValidPatron, nameof(PatronInformationResponse.ValidPatron), "valid patron", Sip2FieldKind.YesNo, typeof(bool?), FieldOptions.None)
            .Field(FieldId.ValidPatronPassword, nameof(PatronInformationResponse.ValidPatronPassword), "valid patron password", Sip2FieldKind.YesNo, typeof(bool?), FieldOptions.None)
            .Field(FieldId.CurrencyType, nameof(PatronInformationResponse.CurrencyType), "currency type", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.FeeAmount, nameof(PatronInformationResponse.FeeAmount), "fee amount", Sip2FieldKind.Amount, typeof(Sip2Amount?), FieldOptions.None)
            .Field(FieldId.FeeLimit, nameof(PatronInformationResponse.FeeLimit), "fee limit", Sip2FieldKind.Amount, typeof(Sip2Amount?), FieldOptions.None)
            .Field(FieldId.HoldItems, nameof(PatronInformationResponse.HoldItems), "hold items", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.OverdueItems, nameof(PatronInformationResponse.OverdueItems), "overdue items", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.ChargedItems, nameof(PatronInformationResponse.ChargedItems), "charged items", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.FineItems, nameof(PatronInformationResponse.FineItems), "fine items", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.RecallItems, nameof(PatronInformationResponse.RecallItems), "recall items", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.UnavailableHoldItems, nameof(PatronInformationResponse.UnavailableHoldItems), "unavailable hold items", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.HomeAddress, nameof(PatronInformationResponse.HomeAddress), "home address", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.EmailAddress, nameof(PatronInformationResponse.EmailAddress), "e-mail address", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.HomePhoneNumber, nameof(PatronInformationResponse.HomePhoneNumber), "home phone number", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.ScreenMessage, nameof(PatronInformationResponse.ScreenMessages), "screen message", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.PrintLine, nameof(PatronInformationResponse.PrintLines), "print line", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.PatronExpirationDate, nameof(PatronInformationResponse.PatronExpirationDate), "patron expiration date", Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), FieldOptions.Extension)
            .Field(FieldId.PatronBirthDate, nameof(PatronInformationResponse.PatronBirthDate), "patron birth date", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.PatronClass, nameof(PatronInformationResponse.PatronClass), "patron class", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.PatronInternetProfile, nameof(PatronInformationResponse.PatronInternetProfile), "patron internet profile", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.PermanentLocation, nameof(PatronInformationResponse.HomeLibrary), "patron home library", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.PatronInternalId, nameof(PatronInformationResponse.PatronInternalId), "patron internal id", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.PatronGroup, nameof(PatronInformationResponse.PatronGroup), "patron group", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.PatronType, nameof(PatronInformationResponse.PatronType), "patron type", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.BorrowerType, nameof(PatronInformationResponse.BorrowerType), "borrower type", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.BorrowerTypeDescription, nameof(PatronInformationResponse.BorrowerTypeDescription), "borrower type description", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.FeeRemaining, nameof(PatronInformationResponse.FeeRemainingAmounts), "fee remaining", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable | FieldOptions.Extension)
            .Field(FieldId.FeeItem, nameof(PatronInformationResponse.FeeItems), "fee item", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable | FieldOptions.Extension)
            .Field(FieldId.FeeCreationDate, nameof(PatronInformationResponse.FeeCreationDates), "fee creation date", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable | FieldOptions.Extension)
            .Field(FieldId.FeeTitle, nameof(PatronInformationResponse.FeeTitles), "fee title", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable | FieldOptions.Extension)
            .Field(FieldId.FeeId, nameof(PatronInformationResponse.FeeIds), "fee id", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable | FieldOptions.Extension),
        new Builder(Sip2Command.EndPatronSession, "End Patron Session", typeof(EndPatronSessionRequest), true, Sip2Command.EndSessionResponse, static () => new EndPatronSessionRequest())
            .Fixed(nameof(EndPatronSessionRequest.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.InstitutionId, nameof(EndPatronSessionRequest.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronIdentifier, nameof(EndPatronSessionRequest.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.TerminalPassword, nameof(EndPatronSessionRequest.TerminalPassword), "terminal password", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.PatronPassword, nameof(EndPatronSessionRequest.PatronPassword), "patron password", Sip2FieldKind.Text, typeof(string), FieldOptions.None),
        new Builder(Sip2Command.EndSessionResponse, "End Session Response", typeof(EndSessionResponse), false, null, static () => new EndSessionResponse())
            .Fixed(nameof(EndSessionResponse.EndSession), "end session", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(EndSessionResponse.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.InstitutionId, nameof(EndSessionResponse.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronIdentifier, nameof(EndSessionResponse.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.ScreenMessage, nameof(EndSessionResponse.ScreenMessages), "screen message", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.PrintLine, nameof(EndSessionResponse.PrintLines), "print line", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable),
        new Builder(Sip2Command.FeePaid, "Fee Paid", typeof(FeePaidRequest), true, Sip2Command.FeePaidResponse, static () => new FeePaidRequest())
            .Fixed(nameof(FeePaidRequest.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Fixed(nameof(FeePaidRequest.FeeType), "fee type", 2, Sip2FieldKind.Code, typeof(FeeType?), "01")
            .Fixed(nameof(FeePaidRequest.PaymentType), "payment type", 2, Sip2FieldKind.Code, typeof(PaymentType?), "00")
            .Fixed(nameof(FeePaidRequest.CurrencyType), "currency type", 3, Sip2FieldKind.Text, typeof(string), "   ")
            .Field(FieldId.FeeAmount, nameof(FeePaidRequest.FeeAmount), "fee amount", Sip2FieldKind.Amount, typeof(Sip2Amount?), FieldOptions.Required)
            .Field(FieldId.InstitutionId, nameof(FeePaidRequest.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronIdentifier, nameof(FeePaidRequest.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.TerminalPassword, nameof(FeePaidRequest.TerminalPassword), "terminal password", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.PatronPassword, nameof(FeePaidRequest.PatronPassword), "patron password", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.FeeIdentifier, nameof(FeePaidRequest.FeeIdentifier), "fee identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.TransactionId, nameof(FeePaidRequest.TransactionId), "transaction id", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.RegisterLogin, nameof(FeePaidRequest.RegisterLogin), "register login", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.CheckNumber, nameof(FeePaidRequest.CheckNumber), "check number", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension),
        new Builder(Sip2Command.FeePaidResponse, "Fee Paid Response", typeof(FeePaidResponse), false, null, static () => new FeePaidResponse())
            .Fixed(nameof(FeePaidResponse.PaymentAccepted), "payment accepted", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(FeePaidResponse.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.InstitutionId, nameof(FeePaidResponse.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronIdentifier, nameof(FeePaidResponse.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.TransactionId, nameof(FeePaidResponse.TransactionId), "transaction id", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.ScreenMessage, nameof(FeePaidResponse.ScreenMessages), "screen message", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.PrintLine, nameof(FeePaidResponse.PrintLines), "print line", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable),
        new Builder(Sip2Command.ItemInformation, "Item Information", typeof(ItemInformationRequest), true, Sip2Command.ItemInformationResponse, static () => new ItemInformationRequest())
            .Fixed(nameof(ItemInformationRequest.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.InstitutionId, nameof(ItemInformationRequest.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.ItemIdentifier, nameof(ItemInformationRequest.ItemIdentifier), "item identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.TerminalPassword, nameof(ItemInformationRequest.TerminalPassword), "terminal password", Sip2FieldKind.Text, typeof(string), FieldOptions.None),
        new Builder(Sip2Command.ItemInformationResponse, "Item Information Response", typeof(ItemInformationResponse), false, null, static () => new ItemInformationResponse())
            .Fixed(nameof(ItemInformationResponse.CirculationStatus), "circulation status", 2, Sip2FieldKind.Code, typeof(CirculationStatus?), "01")
            .Fixed(nameof(ItemInformationResponse.SecurityMarker), "security marker", 2, Sip2FieldKind.Code, typeof(SecurityMarker?), "00")
            .Fixed(nameof(ItemInformationResponse.FeeType), "fee type", 2, Sip2FieldKind.Code, typeof(FeeType?), "01")
            .Fixed(nameof(ItemInformationResponse.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.HoldQueueLength, nameof(ItemInformationResponse.HoldQueueLength), "hold queue length", Sip2FieldKind.Number, typeof(int?), FieldOptions.None)
            .Field(FieldId.DueDate, nameof(ItemInformationResponse.DueDate), "due date", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.RecallDate, nameof(ItemInformationResponse.RecallDate), "recall date", Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), FieldOptions.None)
            .Field(FieldId.HoldPickupDate, nameof(ItemInformationResponse.HoldPickupDate), "hold pickup date", Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), FieldOptions.None)
            .Field(FieldId.ItemIdentifier, nameof(ItemInformationResponse.ItemIdentifier), "item identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.TitleIdentifier, nameof(ItemInformationResponse.TitleIdentifier), "title identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.Owner, nameof(ItemInformationResponse.Owner), "owner", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.CurrencyType, nameof(ItemInformationResponse.CurrencyType), "currency type", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.FeeAmount, nameof(ItemInformationResponse.FeeAmount), "fee amount", Sip2FieldKind.Amount, typeof(Sip2Amount?), FieldOptions.None)
            .Field(FieldId.MediaType, nameof(ItemInformationResponse.MediaType), "media type", Sip2FieldKind.Code, typeof(MediaType?), FieldOptions.None, 3)
            .Field(FieldId.PermanentLocation, nameof(ItemInformationResponse.PermanentLocation), "permanent location", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.CurrentLocation, nameof(ItemInformationResponse.CurrentLocation), "current location", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.ItemProperties, nameof(ItemInformationResponse.ItemProperties), "item properties", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.ScreenMessage, nameof(ItemInformationResponse.ScreenMessages), "screen message", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.PrintLine, nameof(ItemInformationResponse.PrintLines), "print line", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.DestinationLocation, nameof(ItemInformationResponse.DestinationLocation), "destination location", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.CallNumber, nameof(ItemInformationResponse.CallNumber), "call number", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.HoldPatronId, nameof(ItemInformationResponse.HoldPatronId), "hold patron id", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.HoldPatronName, nameof(ItemInformationResponse.HoldPatronName), "hold patron name", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension),
        new Builder(Sip2Command.ItemStatusUpdate, "Item Status Update", typeof(ItemStatusUpdateRequest), true, Sip2Command.ItemStatusUpdateResponse, static () => new ItemStatusUpdateRequest())
            .Fixed(nameof(ItemStatusUpdateRequest.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.InstitutionId, nameof(ItemStatusUpdateRequest.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.ItemIdentifier, nameof(ItemStatusUpdateRequest.ItemIdentifier), "item identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.TerminalPassword, nameof(ItemStatusUpdateRequest.TerminalPassword), "terminal password", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.ItemProperties, nameof(ItemStatusUpdateRequest.ItemProperties), "item properties", Sip2FieldKind.Text, typeof(string), FieldOptions.Required),
        new Builder(Sip2Command.ItemStatusUpdateResponse, "Item Status Update Response", typeof(ItemStatusUpdateResponse), false, null, static () => new ItemStatusUpdateResponse())
            .Fixed(nameof(ItemStatusUpdateResponse.ItemPropertiesOk), "item properties ok", 1, Sip2FieldKind.OneZero, typeof(bool), "0")
            .Fixed(nameof(ItemStatusUpdateResponse.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.ItemIdentifier, nameof(ItemStatusUpdateResponse.ItemIdentifier), "item identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.TitleIdentifier, nameof(ItemStatusUpdateResponse.TitleIdentifier), "title identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.ItemProperties, nameof(ItemStatusUpdateResponse.ItemProperties), "item properties", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.ScreenMessage, nameof(ItemStatusUpdateResponse.ScreenMessages), "screen message", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.PrintLine, nameof(ItemStatusUpdateResponse.PrintLines), "print line", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable),
        new Builder(Sip2Command.PatronEnable, "Patron Enable", typeof(PatronEnableRequest), true, Sip2Command.PatronEnableResponse, static () => new PatronEnableRequest())
            .Fixed(nameof(PatronEnableRequest.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.InstitutionId, nameof(PatronEnableRequest.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronIdentifier, nameof(PatronEnableRequest.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.TerminalPassword, nameof(PatronEnableRequest.TerminalPassword), "terminal password", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.PatronPassword, nameof(PatronEnableRequest.PatronPassword), "patron password", Sip2FieldKind.Text, typeof(string), FieldOptions.None),
        new Builder(Sip2Command.PatronEnableResponse, "Patron Enable Response", typeof(PatronEnableResponse), false, null, static () => new PatronEnableResponse())
            .Fixed(nameof(PatronEnableResponse.PatronStatus), "patron status", 14, Sip2FieldKind.PatronStatus, typeof(PatronStatus), "              ")
            .Fixed(nameof(PatronEnableResponse.Language), "language", 3, Sip2FieldKind.Code, typeof(Sip2Language?), "000")
            .Fixed(nameof(PatronEnableResponse.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.InstitutionId, nameof(PatronEnableResponse.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronIdentifier, nameof(PatronEnableResponse.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PersonalName, nameof(PatronEnableResponse.PersonalName), "personal name", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.ValidPatron, nameof(PatronEnableResponse.ValidPatron), "valid patron", Sip2FieldKind.YesNo, typeof(bool?), FieldOptions.None)
            .Field(FieldId.ValidPatronPassword, nameof(PatronEnableResponse.ValidPatronPassword), "valid patron password", Sip2FieldKind.YesNo, typeof(bool?), FieldOptions.None)
            .Field(FieldId.ScreenMessage, nameof(PatronEnableResponse.ScreenMessages), "screen message", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.PrintLine, nameof(PatronEnableResponse.PrintLines), "print line", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable),
        new Builder(Sip2Command.Hold, "Hold", typeof(HoldRequest), true, Sip2Command.HoldResponse, static () => new HoldRequest())
            .Fixed(nameof(HoldRequest.HoldMode), "hold mode", 1, Sip2FieldKind.Character, typeof(HoldMode), "+")
            .Fixed(nameof(HoldRequest.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.ExpirationDate, nameof(HoldRequest.ExpirationDate), "expiration date", Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), FieldOptions.None)
            .Field(FieldId.PickupLocation, nameof(HoldRequest.PickupLocation), "pickup location", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.HoldType, nameof(HoldRequest.HoldType), "hold type", Sip2FieldKind.Code, typeof(HoldType?), FieldOptions.None, 1)
            .Field(FieldId.InstitutionId, nameof(HoldRequest.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronIdentifier, nameof(HoldRequest.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronPassword, nameof(HoldRequest.PatronPassword), "patron password", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.ItemIdentifier, nameof(HoldRequest.ItemIdentifier), "item identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.TitleIdentifier, nameof(HoldRequest.TitleIdentifier), "title identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.TerminalPassword, nameof(HoldRequest.TerminalPassword), "terminal password", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.FeeAcknowledged, nameof(HoldRequest.FeeAcknowledged), "fee acknowledged", Sip2FieldKind.YesNo, typeof(bool?), FieldOptions.None)
            .Field(FieldId.BibId, nameof(HoldRequest.BibId), "bib id", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.Isbn, nameof(HoldRequest.Isbn), "ISBN", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension)
            .Field(FieldId.Lccn, nameof(HoldRequest.Lccn), "LCCN", Sip2FieldKind.Text, typeof(string), FieldOptions.Extension),
        new Builder(Sip2Command.HoldResponse, "Hold Response", typeof(HoldResponse), false, null, static () => new HoldResponse())
            .Fixed(nameof(HoldResponse.Ok), "ok", 1, Sip2FieldKind.OneZero, typeof(bool), "0")
            .Fixed(nameof(HoldResponse.Available), "available", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(HoldResponse.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.ExpirationDate, nameof(HoldResponse.ExpirationDate), "expiration date", Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), FieldOptions.None)
            .Field(FieldId.QueuePosition, nameof(HoldResponse.QueuePosition), "queue position", Sip2FieldKind.Number, typeof(int?), FieldOptions.None)
            .Field(FieldId.PickupLocation, nameof(HoldResponse.PickupLocation), "pickup location", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.InstitutionId, nameof(HoldResponse.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronIdentifier, nameof(HoldResponse.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.ItemIdentifier, nameof(HoldResponse.ItemIdentifier), "item identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.TitleIdentifier, nameof(HoldResponse.TitleIdentifier), "title identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.ScreenMessage, nameof(HoldResponse.ScreenMessages), "screen message", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.PrintLine, nameof(HoldResponse.PrintLines), "print line", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable),
        new Builder(Sip2Command.Renew, "Renew", typeof(RenewRequest), true, Sip2Command.RenewResponse, static () => new RenewRequest())
            .Fixed(nameof(RenewRequest.ThirdPartyAllowed), "third party allowed", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(RenewRequest.NoBlock), "no block", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(RenewRequest.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Fixed(nameof(RenewRequest.NbDueDate), "nb due date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.InstitutionId, nameof(RenewRequest.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronIdentifier, nameof(RenewRequest.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronPassword, nameof(RenewRequest.PatronPassword), "patron password", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.ItemIdentifier, nameof(RenewRequest.ItemIdentifier), "item identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.TitleIdentifier, nameof(RenewRequest.TitleIdentifier), "title identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.TerminalPassword, nameof(RenewRequest.TerminalPassword), "terminal password", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.ItemProperties, nameof(RenewRequest.ItemProperties), "item properties", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.FeeAcknowledged, nameof(RenewRequest.FeeAcknowledged), "fee acknowledged", Sip2FieldKind.YesNo, typeof(bool?), FieldOptions.None),
        new Builder(Sip2Command.RenewResponse, "Renew Response", typeof(RenewResponse), false, null, static () => new RenewResponse())
            .Fixed(nameof(RenewResponse.Ok), "ok", 1, Sip2FieldKind.OneZero, typeof(bool), "0")
            .Fixed(nameof(RenewResponse.RenewalOk), "renewal ok", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(RenewResponse.MagneticMedia), "magnetic media", 1, Sip2FieldKind.YesNoUnknown, typeof(bool?), "U")
            .Fixed(nameof(RenewResponse.Desensitize), "desensitize", 1, Sip2FieldKind.YesNoUnknown, typeof(bool?), "U")
            .Fixed(nameof(RenewResponse.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.InstitutionId, nameof(RenewResponse.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronIdentifier, nameof(RenewResponse.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.ItemIdentifier, nameof(RenewResponse.ItemIdentifier), "item identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.TitleIdentifier, nameof(RenewResponse.TitleIdentifier), "title identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.DueDate, nameof(RenewResponse.DueDate), "due date", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.FeeType, nameof(RenewResponse.FeeType), "fee type", Sip2FieldKind.Code, typeof(FeeType?), FieldOptions.None, 2)
            .Field(FieldId.SecurityInhibit, nameof(RenewResponse.SecurityInhibit), "security inhibit", Sip2FieldKind.YesNo, typeof(bool?), FieldOptions.None)
            .Field(FieldId.CurrencyType, nameof(RenewResponse.CurrencyType), "currency type", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.FeeAmount, nameof(RenewResponse.FeeAmount), "fee amount", Sip2FieldKind.Amount, typeof(Sip2Amount?), FieldOptions.None)
            .Field(FieldId.MediaType, nameof(RenewResponse.MediaType), "media type", Sip2FieldKind.Code, typeof(MediaType?), FieldOptions.None, 3)
            .Field(FieldId.ItemProperties, nameof(RenewResponse.ItemProperties), "item properties", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.TransactionId, nameof(RenewResponse.TransactionId), "transaction id", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.ScreenMessage, nameof(RenewResponse.ScreenMessages), "screen message", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.PrintLine, nameof(RenewResponse.PrintLines), "print line", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable),
        new Builder(Sip2Command.RenewAll, "Renew All", typeof(RenewAllRequest), true, Sip2Command.RenewAllResponse, static () => new RenewAllRequest())
            .Fixed(nameof(RenewAllRequest.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.InstitutionId, nameof(RenewAllRequest.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronIdentifier, nameof(RenewAllRequest.PatronIdentifier), "patron identifier", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.PatronPassword, nameof(RenewAllRequest.PatronPassword), "patron password", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.TerminalPassword, nameof(RenewAllRequest.TerminalPassword), "terminal password", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.FeeAcknowledged, nameof(RenewAllRequest.FeeAcknowledged), "fee acknowledged", Sip2FieldKind.YesNo, typeof(bool?), FieldOptions.None),
        new Builder(Sip2Command.RenewAllResponse, "Renew All Response", typeof(RenewAllResponse), false, null, static () => new RenewAllResponse())
            .Fixed(nameof(RenewAllResponse.Ok), "ok", 1, Sip2FieldKind.OneZero, typeof(bool), "0")
            .Fixed(nameof(RenewAllResponse.RenewedCount), "renewed count", 4, Sip2FieldKind.Count, typeof(int?), "    ")
            .Fixed(nameof(RenewAllResponse.UnrenewedCount), "unrenewed count", 4, Sip2FieldKind.Count, typeof(int?), "    ")
            .Fixed(nameof(RenewAllResponse.TransactionDate), "transaction date", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Field(FieldId.InstitutionId, nameof(RenewAllResponse.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.RenewedItems, nameof(RenewAllResponse.RenewedItems), "renewed items", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.UnrenewedItems, nameof(RenewAllResponse.UnrenewedItems), "unrenewed items", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.ScreenMessage, nameof(RenewAllResponse.ScreenMessages), "screen message", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.PrintLine, nameof(RenewAllResponse.PrintLines), "print line", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable),
    ];
}
