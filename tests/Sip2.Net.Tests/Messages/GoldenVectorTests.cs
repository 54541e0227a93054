using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.Testing;

namespace Sip2.Net.Tests.Messages;

/// <summary>
/// A realistic wire example of every message, both directions, in IBM850 with a trailer. Each parses to the
/// expected fields and formats back to the same bytes. The checksums were computed independently of this
/// library (a byte sum over the cp850 encoding).
/// </summary>
public class GoldenVectorTests
{
    private static readonly Sip2Timestamp Date = Sip2Timestamp.Local(new DateTime(2024, 4, 17, 8, 30, 58));
    private static readonly Sip2Timestamp DueDate = Sip2Timestamp.Local(new DateTime(2024, 5, 1, 23, 59, 59));

    // What each vector must parse to, by name; the wire forms are in tests/Shared/GoldenWires.cs.
    private static readonly Dictionary<string, Action<Sip2Message>> Checks = new()
    {
        ["Login"] = message =>
        {
            var m = Assert.IsType<LoginRequest>(message);
            Assert.Equal('0', m.UidAlgorithm);
            Assert.Equal("kiosk1", m.LoginUserId);
            Assert.Equal("secret", m.LoginPassword);
            Assert.Equal("main", m.LocationCode);
        },
        ["LoginResponse"] = message =>
        {
            Assert.True(Assert.IsType<LoginResponse>(message).Ok);
        },
        ["ScStatus"] = message =>
        {
            var m = Assert.IsType<ScStatusRequest>(message);
            Assert.Equal(ScStatusCode.Ok, m.StatusCode);
            Assert.Equal(30, m.MaxPrintWidth);
            Assert.Equal("2.00", m.ProtocolVersion);
        },
        ["AcsStatus"] = message =>
        {
            var m = Assert.IsType<AcsStatusResponse>(message);
            Assert.True(m.OnlineStatus && m.CheckinOk && m.CheckoutOk && !m.AcsRenewalPolicy && m.StatusUpdateOk && !m.OfflineOk);
            Assert.Equal(600, m.TimeoutPeriod);
            Assert.Equal(3, m.RetriesAllowed);
            Assert.Equal(Date, m.DateTimeSync);
            Assert.Equal("inst", m.InstitutionId);
            Assert.Equal("Main Library", m.LibraryName);
            Assert.Equal(SupportedMessages.All & ~(SupportedMessages.ItemStatusUpdate | SupportedMessages.PatronEnable), m.SupportedMessages);
            Assert.Equal("Kiosk 1", m.TerminalLocation);
        },
        ["RequestAcsResend"] = message =>
        {
            Assert.IsType<RequestAcsResend>(message);
        },
        ["RequestScResend"] = message =>
        {
            Assert.IsType<RequestScResend>(message);
        },
        ["PatronStatusRequest"] = message =>
        {
            var m = Assert.IsType<PatronStatusRequest>(message);
            Assert.Equal(Sip2Language.English, m.Language);
            Assert.Equal(Date, m.TransactionDate);
            Assert.Equal("2000123", m.PatronIdentifier);
            Assert.Equal("", m.TerminalPassword);
            Assert.Equal("1234", m.PatronPassword);
        },
        ["PatronStatusResponse"] = message =>
        {
            var m = Assert.IsType<PatronStatusResponse>(message);
            Assert.Equal(PatronStatus.RecallPrivilegesDenied, m.PatronStatus);
            Assert.Equal("Müller, Jürgen", m.PersonalName);
            Assert.True(m.ValidPatron);
            Assert.True(m.ValidPatronPassword);
            Assert.Equal("EUR", m.CurrencyType);
            Assert.Equal(3.50m, m.FeeAmount?.Value);
            Assert.Equal(new[] { "Please pay your fees." }, m.ScreenMessages);
        },
        ["BlockPatron"] = message =>
        {
            var m = Assert.IsType<BlockPatronRequest>(message);
            Assert.False(m.CardRetained);
            Assert.Equal("Card retained by kiosk", m.BlockedCardMessage);
            Assert.Equal("2000123", m.PatronIdentifier);
        },
        ["Checkout"] = message =>
        {
            var m = Assert.IsType<CheckoutRequest>(message);
            Assert.True(m.ScRenewalPolicy);
            Assert.False(m.NoBlock);
            Assert.Null(m.NbDueDate);
            Assert.Equal("3900001", m.ItemIdentifier);
            Assert.Equal("1234", m.PatronPassword);
            Assert.False(m.FeeAcknowledged);
            Assert.Null(m.Cancel);
        },
        ["CheckoutResponse"] = message =>
        {
            var m = Assert.IsType<CheckoutResponse>(message);
            Assert.True(m.Ok);
            Assert.False(m.RenewalOk);
            Assert.False(m.MagneticMedia);
            Assert.True(m.Desensitize);
            Assert.Equal("The Hobbit", m.TitleIdentifier);
            Assert.Equal(DueDate.ToString(), m.DueDate);
            Assert.Equal(MediaType.Book, m.MediaType);
            Assert.Equal(new[] { "Checked out." }, m.ScreenMessages);
        },
        ["Checkin"] = message =>
        {
            var m = Assert.IsType<CheckinRequest>(message);
            Assert.False(m.NoBlock);
            Assert.Equal(Date, m.ReturnDate);
            Assert.Equal("Return slot", m.CurrentLocation);
            Assert.Equal("3900001", m.ItemIdentifier);
        },
        ["CheckinResponse"] = message =>
        {
            var m = Assert.IsType<CheckinResponse>(message);
            Assert.True(m.Ok);
            Assert.True(m.Resensitize);
            Assert.False(m.MagneticMedia);
            Assert.True(m.Alert);
            Assert.Equal("Main", m.PermanentLocation);
            Assert.Equal("2", m.SortBin);
            Assert.Equal("FIC", m.CollectionCode);
            Assert.Equal("F TOL", m.CallNumber);
            Assert.Equal("Branch 2", m.DestinationLocation);
            Assert.Equal(AlertType.HoldForOtherBranch, m.AlertType);
            Assert.Equal("2000456", m.HoldPatronId);
            Assert.Equal("Smith, Ann", m.HoldPatronName);
        },
        ["PatronInformation"] = message =>
        {
            var m = Assert.IsType<PatronInformationRequest>(message);
            Assert.Equal(PatronSummary.ChargedItems, m.Summary);
            Assert.Equal(1, m.StartItem);
            Assert.Equal(5, m.EndItem);
        },
        ["PatronInformationResponse"] = message =>
        {
            var m = Assert.IsType<PatronInformationResponse>(message);
            Assert.Equal(PatronStatus.None, m.PatronStatus);
            Assert.Equal(1, m.HoldItemsCount);
            Assert.Equal(0, m.OverdueItemsCount);
            Assert.Equal(2, m.ChargedItemsCount);
            Assert.Equal(10, m.HoldItemsLimit);
            Assert.Equal(20, m.ChargedItemsLimit);
            Assert.Equal(10.00m, m.FeeLimit?.Value);
            Assert.Equal(new[] { "3900001", "3900002" }, m.ChargedItems);
            Assert.Equal("j@example.org", m.EmailAddress);
            Assert.Equal(new Sip2Timestamp?(Sip2Timestamp.Local(new DateTime(2027, 12, 31))), m.PatronExpirationDate);
            Assert.Equal("19800101", m.PatronBirthDate);
            Assert.Equal("ADULT", m.PatronClass);
        },
        ["EndPatronSession"] = message =>
        {
            var m = Assert.IsType<EndPatronSessionRequest>(message);
            Assert.Equal(Date, m.TransactionDate);
            Assert.Equal("1234", m.PatronPassword);
        },
        ["EndPatronSessionResponse"] = message =>
        {
            Assert.True(Assert.IsType<EndPatronSessionResponse>(message).EndSession);
        },
        ["FeePaid"] = message =>
        {
            var m = Assert.IsType<FeePaidRequest>(message);
            Assert.Equal(FeeType.Overdue, m.FeeType);
            Assert.Equal(PaymentType.Cash, m.PaymentType);
            Assert.Equal("EUR", m.CurrencyType);
            Assert.Equal("3,50", m.FeeAmount?.Text);
            Assert.Equal(3.50m, m.FeeAmount?.Value);
            Assert.Equal("fee-17", m.FeeIdentifier);
            Assert.Equal("pay-991", m.TransactionId);
        },
        ["FeePaidResponse"] = message =>
        {
            var m = Assert.IsType<FeePaidResponse>(message);
            Assert.True(m.PaymentAccepted);
            Assert.Equal("ack-991", m.TransactionId);
        },
        ["ItemInformation"] = message =>
        {
            Assert.Equal("3900001", Assert.IsType<ItemInformationRequest>(message).ItemIdentifier);
        },
        ["ItemInformationResponse"] = message =>
        {
            var m = Assert.IsType<ItemInformationResponse>(message);
            Assert.Equal(CirculationStatus.Available, m.CirculationStatus);
            Assert.Equal(SecurityMarker.TattleTape, m.SecurityMarker);
            Assert.Equal(FeeType.Other, m.FeeType);
            Assert.Equal(0, m.HoldQueueLength);
            Assert.Equal("inst", m.Owner);
            Assert.Equal("Shelf 3", m.CurrentLocation);
            Assert.Equal("F TOL", m.CallNumber);
        },
        ["ItemStatusUpdate"] = message =>
        {
            Assert.Equal("large print", Assert.IsType<ItemStatusUpdateRequest>(message).ItemProperties);
        },
        ["ItemStatusUpdateResponse"] = message =>
        {
            var m = Assert.IsType<ItemStatusUpdateResponse>(message);
            Assert.True(m.ItemPropertiesOk);
            Assert.Equal("The Hobbit", m.TitleIdentifier);
        },
        ["PatronEnable"] = message =>
        {
            Assert.Equal("2000123", Assert.IsType<PatronEnableRequest>(message).PatronIdentifier);
        },
        ["PatronEnableResponse"] = message =>
        {
            var m = Assert.IsType<PatronEnableResponse>(message);
            Assert.Equal(Sip2Language.English, m.Language);
            Assert.Equal("Müller, Jürgen", m.PersonalName);
        },
        ["Hold"] = message =>
        {
            var m = Assert.IsType<HoldRequest>(message);
            Assert.Equal(HoldMode.Add, m.HoldMode);
            Assert.Equal(DueDate, m.ExpirationDate);
            Assert.Equal("Main", m.PickupLocation);
            Assert.Equal(HoldType.AnyCopyOfTitle, m.HoldType);
            Assert.Equal("The Hobbit", m.TitleIdentifier);
        },
        ["HoldResponse"] = message =>
        {
            var m = Assert.IsType<HoldResponse>(message);
            Assert.True(m.Ok);
            Assert.False(m.Available);
            Assert.Equal(3, m.QueuePosition);
        },
        ["Renew"] = message =>
        {
            var m = Assert.IsType<RenewRequest>(message);
            Assert.False(m.ThirdPartyAllowed);
            Assert.Equal("3900001", m.ItemIdentifier);
        },
        ["RenewResponse"] = message =>
        {
            var m = Assert.IsType<RenewResponse>(message);
            Assert.True(m.Ok);
            Assert.True(m.RenewalOk);
        },
        ["RenewAll"] = message =>
        {
            Assert.False(Assert.IsType<RenewAllRequest>(message).FeeAcknowledged);
        },
        ["RenewAllResponse"] = message =>
        {
            var m = Assert.IsType<RenewAllResponse>(message);
            Assert.Equal(2, m.RenewedCount);
            Assert.Equal(1, m.UnrenewedCount);
            Assert.Equal(new[] { "3900001", "3900002" }, m.RenewedItems);
            Assert.Equal(new[] { "3900003" }, m.UnrenewedItems);
        },
    };

    internal static readonly Dictionary<string, (string Wire, Action<Sip2Message> Check)> Vectors =
        GoldenWires.ByName.ToDictionary(v => v.Key, v => (v.Value, Checks[v.Key]));

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Vectors.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Every_vector_has_its_checks() => Assert.Equal(GoldenWires.ByName.Keys.Order(), Checks.Keys.Order());

    [Fact]
    public void Every_message_of_the_table_has_a_vector()
    {
        var covered = Vectors.Values.Select(v => Sip2MessageParser.ParseOrThrow(Sip2Encoding.Ibm850.GetBytes(v.Wire)).Command).ToHashSet();
        Assert.Equal(Sip2MessageTable.All.Select(d => d.Command).OrderBy(c => c), covered.OrderBy(c => c));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Vector_parses_to_the_expected_fields(string name)
    {
        var (wire, check) = Vectors[name];
        var result = Sip2MessageParser.Parse(Sip2Encoding.Ibm850.GetBytes(wire), new Sip2CodecOptions { ErrorDetection = Sip2ErrorDetectionMode.On });

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.True(result.HasChecksum);
        check(result.Message!);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Vector_is_valid_in_strict_mode(string name)
    {
        var result = Sip2MessageParser.Parse(Sip2Encoding.Ibm850.GetBytes(Vectors[name].Wire), new Sip2CodecOptions { ParseMode = Sip2ParseMode.Strict });

        Assert.True(result.IsSuccess, result.Error?.ToString());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Vector_formats_back_to_the_same_bytes(string name)
    {
        var bytes = Sip2Encoding.Ibm850.GetBytes(Vectors[name].Wire);
        var result = Sip2MessageParser.Parse(bytes, null);

        var written = Sip2MessageWriter.ToBytes(result.Message!, trailer: Sip2Trailer.WithChecksum(result.SequenceNumber));

        Assert.Equal(Sip2Encoding.Ibm850.GetString(bytes) + "\r", Sip2Encoding.Ibm850.GetString(written));
    }

    // The writer asks the output for one span per message where it can; an output that hands out no more than it
    // is asked for makes it move from span to span mid-message, and must give the same bytes.
    [Theory]
    [MemberData(nameof(Names))]
    public void Vector_formats_the_same_into_an_output_that_gives_only_what_is_asked(string name)
    {
        var message = Sip2MessageParser.Parse(Sip2Encoding.Ibm850.GetBytes(Vectors[name].Wire), null).Message!;
        var trailer = Sip2Trailer.WithChecksum(3);
        var stingy = new StingyBufferWriter();

        var count = Sip2MessageWriter.Write(stingy, message, trailer: trailer);

        Assert.Equal(Sip2MessageWriter.ToBytes(message, trailer: trailer), stingy.Written);
        Assert.Equal(stingy.Written.Length, count);
    }

    [Fact]
    public void A_long_message_with_framing_characters_and_other_scripts_formats_the_same_across_spans()
    {
        var wire = Vectors["CheckoutResponse"].Wire;
        var message = Sip2MessageParser.Parse(Sip2Encoding.Ibm850.GetBytes(wire), null).Message!
            .WithField(FieldId.ScreenMessage, new string('x', 300), "Müller|Jürgen\r東京", new string('é', 250) + "\n");
        foreach (var encoding in new[] { Sip2Encoding.Ibm850, Sip2Encoding.Utf8 })
        {
            var options = new Sip2CodecOptions { Encoding = encoding };
            var stingy = new StingyBufferWriter();

            Sip2MessageWriter.Write(stingy, message, options, Sip2Trailer.WithChecksum(3));

            var expected = Sip2MessageWriter.ToBytes(message, options, Sip2Trailer.WithChecksum(3));
            Assert.Equal(expected, stingy.Written);
            Assert.True(stingy.Spans > 1, "the message should have needed more than one span");
            var parsed = Sip2MessageParser.Parse(expected.AsSpan(0, expected.Length - 1), new Sip2CodecOptions { Encoding = encoding, ErrorDetection = Sip2ErrorDetectionMode.On });
            Assert.True(parsed.IsSuccess, parsed.Error?.ToString());
            Assert.Equal(encoding == Sip2Encoding.Utf8 ? "Müller Jürgen 東京" : "Müller Jürgen ??", parsed.Message!.GetFields(FieldId.ScreenMessage)[1]);
        }
    }

    private sealed class StingyBufferWriter : System.Buffers.IBufferWriter<byte>
    {
        private readonly List<byte> written = [];
        private byte[] current = [];

        public byte[] Written => [.. written];

        public int Spans { get; private set; }

        public void Advance(int count)
        {
            Assert.InRange(count, 0, current.Length);
            written.AddRange(current.AsSpan(0, count).ToArray());
            current = [];
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => current = new byte[Math.Max(sizeHint, 1)];

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Spans++;
            // Exactly what is asked for, and filled with junk, so a byte written past it or left unwritten shows.
            current = new byte[Math.Max(sizeHint, 1)];
            current.AsSpan().Fill(0xEE);
            return current;
        }
    }
}
