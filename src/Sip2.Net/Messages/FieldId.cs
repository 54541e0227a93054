using System;

namespace Sip2.Net.Messages;

/// <summary>
/// A two-character variable-field id such as <c>AO</c>. Stored as the two wire bytes, so ids the tables do
/// not know (vendor extensions, local custom fields) are carried exactly as received.
/// </summary>
public readonly struct FieldId : IEquatable<FieldId>, IComparable<FieldId>
{
    private readonly ushort value;

    private FieldId(byte first, byte second) => value = (ushort)((first << 8) | second);

    /// <summary>Creates an id from its two characters; both must be printable ASCII.</summary>
    /// <exception cref="ArgumentException">The text is not two printable ASCII characters.</exception>
    public FieldId(string id)
    {
        if (id is null || id.Length != 2 || !IsIdByte(id[0]) || !IsIdByte(id[1]))
        {
            throw new ArgumentException("A field id is two printable ASCII characters, such as \"AO\".", nameof(id));
        }

        value = (ushort)((id[0] << 8) | id[1]);
    }

    /// <summary>The first wire byte.</summary>
    public byte First => (byte)(value >> 8);

    /// <summary>The second wire byte.</summary>
    public byte Second => (byte)value;

    /// <summary>Builds an id from two wire bytes; false when they are not printable ASCII.</summary>
    public static bool TryCreate(byte first, byte second, out FieldId id)
    {
        if (IsIdByte((char)first) && IsIdByte((char)second))
        {
            id = new FieldId(first, second);
            return true;
        }

        id = default;
        return false;
    }

    // Printable ASCII without the space and without the default field delimiter.
    private static bool IsIdByte(char c) => c > ' ' && c < 0x7F && c != '|';

    /// <inheritdoc/>
    public bool Equals(FieldId other) => value == other.value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FieldId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => value;

    /// <inheritdoc/>
    public int CompareTo(FieldId other) => value.CompareTo(other.value);

    /// <summary>The two characters of the id.</summary>
    public override string ToString() => value == 0 ? "" : new string(new[] { (char)First, (char)Second });

    /// <summary>Equality.</summary>
    public static bool operator ==(FieldId left, FieldId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(FieldId left, FieldId right) => !left.Equals(right);

    /// <summary>Ordering by wire bytes.</summary>
    public static bool operator <(FieldId left, FieldId right) => left.value < right.value;

    /// <summary>Ordering by wire bytes.</summary>
    public static bool operator >(FieldId left, FieldId right) => left.value > right.value;

    /// <summary>Ordering by wire bytes.</summary>
    public static bool operator <=(FieldId left, FieldId right) => left.value <= right.value;

    /// <summary>Ordering by wire bytes.</summary>
    public static bool operator >=(FieldId left, FieldId right) => left.value >= right.value;

    private static FieldId Of(char a, char b) => new((byte)a, (byte)b);

#pragma warning disable CA1707 // The wire code is part of the doc, not the name.
    /// <summary>AA patron identifier.</summary>
    public static FieldId PatronIdentifier { get; } = Of('A', 'A');
    /// <summary>AB item identifier.</summary>
    public static FieldId ItemIdentifier { get; } = Of('A', 'B');
    /// <summary>AC terminal password (a secret: never logged).</summary>
    public static FieldId TerminalPassword { get; } = Of('A', 'C');
    /// <summary>AD patron password or PIN (a secret: never logged).</summary>
    public static FieldId PatronPassword { get; } = Of('A', 'D');
    /// <summary>AE personal name.</summary>
    public static FieldId PersonalName { get; } = Of('A', 'E');
    /// <summary>AF screen message.</summary>
    public static FieldId ScreenMessage { get; } = Of('A', 'F');
    /// <summary>AG print line.</summary>
    public static FieldId PrintLine { get; } = Of('A', 'G');
    /// <summary>AH due date.</summary>
    public static FieldId DueDate { get; } = Of('A', 'H');
    /// <summary>AJ title identifier.</summary>
    public static FieldId TitleIdentifier { get; } = Of('A', 'J');
    /// <summary>AL blocked card message.</summary>
    public static FieldId BlockedCardMessage { get; } = Of('A', 'L');
    /// <summary>AM library name.</summary>
    public static FieldId LibraryName { get; } = Of('A', 'M');
    /// <summary>AN terminal location.</summary>
    public static FieldId TerminalLocation { get; } = Of('A', 'N');
    /// <summary>AO institution id.</summary>
    public static FieldId InstitutionId { get; } = Of('A', 'O');
    /// <summary>AP current location.</summary>
    public static FieldId CurrentLocation { get; } = Of('A', 'P');
    /// <summary>AQ permanent location (patron home library in a 64, by convention).</summary>
    public static FieldId PermanentLocation { get; } = Of('A', 'Q');
    /// <summary>AS hold items.</summary>
    public static FieldId HoldItems { get; } = Of('A', 'S');
    /// <summary>AT overdue items.</summary>
    public static FieldId OverdueItems { get; } = Of('A', 'T');
    /// <summary>AU charged items.</summary>
    public static FieldId ChargedItems { get; } = Of('A', 'U');
    /// <summary>AV fine items.</summary>
    public static FieldId FineItems { get; } = Of('A', 'V');
    /// <summary>AY sequence number (trailer).</summary>
    public static FieldId SequenceNumber { get; } = Of('A', 'Y');
    /// <summary>AZ checksum (trailer).</summary>
    public static FieldId Checksum { get; } = Of('A', 'Z');
    /// <summary>BD home address.</summary>
    public static FieldId HomeAddress { get; } = Of('B', 'D');
    /// <summary>BE e-mail address.</summary>
    public static FieldId EmailAddress { get; } = Of('B', 'E');
    /// <summary>BF home phone number (hold patron phone in a 10, by Evergreen's extension).</summary>
    public static FieldId HomePhoneNumber { get; } = Of('B', 'F');
    /// <summary>BG owner.</summary>
    public static FieldId Owner { get; } = Of('B', 'G');
    /// <summary>BH currency type.</summary>
    public static FieldId CurrencyType { get; } = Of('B', 'H');
    /// <summary>BI cancel.</summary>
    public static FieldId Cancel { get; } = Of('B', 'I');
    /// <summary>BK transaction id.</summary>
    public static FieldId TransactionId { get; } = Of('B', 'K');
    /// <summary>BL valid patron.</summary>
    public static FieldId ValidPatron { get; } = Of('B', 'L');
    /// <summary>BM renewed items.</summary>
    public static FieldId RenewedItems { get; } = Of('B', 'M');
    /// <summary>BN unrenewed items.</summary>
    public static FieldId UnrenewedItems { get; } = Of('B', 'N');
    /// <summary>BO fee acknowledged.</summary>
    public static FieldId FeeAcknowledged { get; } = Of('B', 'O');
    /// <summary>BP start item.</summary>
    public static FieldId StartItem { get; } = Of('B', 'P');
    /// <summary>BQ end item.</summary>
    public static FieldId EndItem { get; } = Of('B', 'Q');
    /// <summary>BR queue position.</summary>
    public static FieldId QueuePosition { get; } = Of('B', 'R');
    /// <summary>BS pickup location.</summary>
    public static FieldId PickupLocation { get; } = Of('B', 'S');
    /// <summary>BT fee type.</summary>
    public static FieldId FeeType { get; } = Of('B', 'T');
    /// <summary>BU recall items.</summary>
    public static FieldId RecallItems { get; } = Of('B', 'U');
    /// <summary>BV fee amount.</summary>
    public static FieldId FeeAmount { get; } = Of('B', 'V');
    /// <summary>BW expiration date.</summary>
    public static FieldId ExpirationDate { get; } = Of('B', 'W');
    /// <summary>BX supported messages.</summary>
    public static FieldId SupportedMessages { get; } = Of('B', 'X');
    /// <summary>BY hold type.</summary>
    public static FieldId HoldType { get; } = Of('B', 'Y');
    /// <summary>BZ hold items limit.</summary>
    public static FieldId HoldItemsLimit { get; } = Of('B', 'Z');
    /// <summary>CA overdue items limit.</summary>
    public static FieldId OverdueItemsLimit { get; } = Of('C', 'A');
    /// <summary>CB charged items limit.</summary>
    public static FieldId ChargedItemsLimit { get; } = Of('C', 'B');
    /// <summary>CC fee limit.</summary>
    public static FieldId FeeLimit { get; } = Of('C', 'C');
    /// <summary>CD unavailable hold items.</summary>
    public static FieldId UnavailableHoldItems { get; } = Of('C', 'D');
    /// <summary>CF hold queue length.</summary>
    public static FieldId HoldQueueLength { get; } = Of('C', 'F');
    /// <summary>CG fee identifier.</summary>
    public static FieldId FeeIdentifier { get; } = Of('C', 'G');
    /// <summary>CH item properties.</summary>
    public static FieldId ItemProperties { get; } = Of('C', 'H');
    /// <summary>CI security inhibit.</summary>
    public static FieldId SecurityInhibit { get; } = Of('C', 'I');
    /// <summary>CJ recall date.</summary>
    public static FieldId RecallDate { get; } = Of('C', 'J');
    /// <summary>CK media type.</summary>
    public static FieldId MediaType { get; } = Of('C', 'K');
    /// <summary>CL sort bin.</summary>
    public static FieldId SortBin { get; } = Of('C', 'L');
    /// <summary>CM hold pickup date.</summary>
    public static FieldId HoldPickupDate { get; } = Of('C', 'M');
    /// <summary>CN login user id.</summary>
    public static FieldId LoginUserId { get; } = Of('C', 'N');
    /// <summary>CO login password (a secret: never logged).</summary>
    public static FieldId LoginPassword { get; } = Of('C', 'O');
    /// <summary>CP location code.</summary>
    public static FieldId LocationCode { get; } = Of('C', 'P');
    /// <summary>CQ valid patron password.</summary>
    public static FieldId ValidPatronPassword { get; } = Of('C', 'Q');

    /// <summary>CR collection code (3M extension).</summary>
    public static FieldId CollectionCode { get; } = Of('C', 'R');
    /// <summary>CS call number (3M extension).</summary>
    public static FieldId CallNumber { get; } = Of('C', 'S');
    /// <summary>CT destination location (3M extension).</summary>
    public static FieldId DestinationLocation { get; } = Of('C', 'T');
    /// <summary>CV alert type (3M extension).</summary>
    public static FieldId AlertType { get; } = Of('C', 'V');
    /// <summary>CY hold patron id (3M extension).</summary>
    public static FieldId HoldPatronId { get; } = Of('C', 'Y');
    /// <summary>DA hold patron name (3M extension).</summary>
    public static FieldId HoldPatronName { get; } = Of('D', 'A');
    /// <summary>PA patron expiration date (Envisionware extension).</summary>
    public static FieldId PatronExpirationDate { get; } = Of('P', 'A');
    /// <summary>PB patron birth date (Envisionware extension).</summary>
    public static FieldId PatronBirthDate { get; } = Of('P', 'B');
    /// <summary>PC patron class or type (Envisionware extension).</summary>
    public static FieldId PatronClass { get; } = Of('P', 'C');
    /// <summary>PI patron internet profile (Envisionware-style extension).</summary>
    public static FieldId PatronInternetProfile { get; } = Of('P', 'I');
    /// <summary>OR register login (Envisionware extension).</summary>
    public static FieldId RegisterLogin { get; } = Of('O', 'R');
    /// <summary>RN check number (Envisionware extension).</summary>
    public static FieldId CheckNumber { get; } = Of('R', 'N');
    /// <summary>XI patron internal id (Evergreen extension).</summary>
    public static FieldId PatronInternalId { get; } = Of('X', 'I');
    /// <summary>ZY patron type (seen in jsip2's list).</summary>
    public static FieldId PatronType { get; } = Of('Z', 'Y');
    /// <summary>PT patron group (Voyager ESIP extension).</summary>
    public static FieldId PatronGroup { get; } = Of('P', 'T');
    /// <summary>MA bibliographic record id (Voyager ESIP extension).</summary>
    public static FieldId BibId { get; } = Of('M', 'A');
    /// <summary>MB ISBN (Voyager ESIP extension).</summary>
    public static FieldId Isbn { get; } = Of('M', 'B');
    /// <summary>MC LCCN (Voyager ESIP extension).</summary>
    public static FieldId Lccn { get; } = Of('M', 'C');
    /// <summary>FU borrower type (FOLIO extension).</summary>
    public static FieldId BorrowerType { get; } = Of('F', 'U');
    /// <summary>FV borrower type description (FOLIO extension).</summary>
    public static FieldId BorrowerTypeDescription { get; } = Of('F', 'V');
    /// <summary>FA fee remaining amount, one per fee (FOLIO extension).</summary>
    public static FieldId FeeRemaining { get; } = Of('F', 'A');
    /// <summary>FB fee item, one per fee (FOLIO extension).</summary>
    public static FieldId FeeItem { get; } = Of('F', 'B');
    /// <summary>FC fee creation date, one per fee (FOLIO extension).</summary>
    public static FieldId FeeCreationDate { get; } = Of('F', 'C');
    /// <summary>FD fee title, one per fee (FOLIO extension).</summary>
    public static FieldId FeeTitle { get; } = Of('F', 'D');
    /// <summary>FE fee id, one per fee (FOLIO extension).</summary>
    public static FieldId FeeId { get; } = Of('F', 'E');
#pragma warning restore CA1707

    /// <summary>Whether values of this field are secrets (CO, AC, AD) that must never be logged.</summary>
    public bool IsSecret => this == LoginPassword || this == TerminalPassword || this == PatronPassword;
}
