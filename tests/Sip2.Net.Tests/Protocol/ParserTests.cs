using System.Text;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Tests.Protocol;

public class ParserTests
{
    private static readonly Sip2CodecOptions Strict = new() { ParseMode = Sip2ParseMode.Strict };
    private static readonly Sip2CodecOptions EdOn = new() { ErrorDetection = Sip2ErrorDetectionMode.On };

    private static Sip2ParseResult Parse(string wire, Sip2CodecOptions? options = null) =>
        Sip2MessageParser.Parse(Sip2Encoding.Ibm850.GetBytes(wire), options);

    [Fact]
    public void Fields_in_any_order_are_read_by_id()
    {
        var login = Assert.IsType<LoginRequest>(Parse("9300CPmain|COpw|CNkiosk|").Message);

        Assert.Equal("kiosk", login.LoginUserId);
        Assert.Equal("pw", login.LoginPassword);
        Assert.Equal("main", login.LocationCode);
        Assert.True(Parse("9300CPmain|COpw|CNkiosk|", Strict).IsSuccess);
    }

    [Fact]
    public void Unknown_fields_are_kept_in_arrival_order_and_written_back()
    {
        const string wire = "9300XXone|CNkiosk|ZZtwo|COpw|XXthree|";
        var login = Parse(wire).Message!;

        Assert.Equal(["XX", "ZZ", "XX"], login.UnknownFields.Select(f => f.Id.ToString()));
        Assert.Equal(["one", "three"], login.GetFields(new FieldId("XX")));
        Assert.Equal(wire + "\r", Encoding.ASCII.GetString(Sip2MessageWriter.ToBytes(login)));
        Assert.True(Parse(wire, Strict).IsSuccess); // the spec asks parsers to skip unknown ids
    }

    [Fact]
    public void Duplicates_are_kept_the_first_is_read_and_strict_mode_refuses_them()
    {
        var login = Assert.IsType<LoginRequest>(Parse("9300CNfirst|CNsecond|COpw|").Message);

        Assert.Equal("first", login.LoginUserId);
        Assert.Equal(["first", "second"], login.GetFields(FieldId.LoginUserId));
        var strict = Parse("9300CNfirst|CNsecond|COpw|", Strict);
        Assert.Equal(Sip2ErrorCode.DuplicateField, strict.Error!.Code);
        Assert.Equal(FieldId.LoginUserId, strict.Error.Field);
        Assert.Equal(12, strict.Error.Offset);
    }

    [Theory]
    [InlineData("9300CNa|COb|||")]
    [InlineData("9300CNa|||COb|")]
    [InlineData("9300CNa|COb|   ")]
    [InlineData("9300CNa|COb|\u0001")]
    public void Empty_segments_and_trailing_junk_are_skipped(string wire)
    {
        var login = Assert.IsType<LoginRequest>(Parse(wire).Message);
        Assert.Equal("a", login.LoginUserId);
        Assert.Equal("b", login.LoginPassword);
        Assert.False(Parse(wire, Strict).IsSuccess);
    }

    [Fact]
    public void A_last_field_without_its_delimiter_is_read_leniently()
    {
        var login = Assert.IsType<LoginRequest>(Parse("9300CNa|COb").Message);

        Assert.Equal("b", login.LoginPassword);
        Assert.Equal(Sip2ErrorCode.TrailingData, Parse("9300CNa|COb", Strict).Error!.Code);
    }

    [Theory]
    [InlineData("6610002000120240417    083058AOinAZFD7c|", "inAZFD7c")] // found by fuzzing: a value ending in "AZ" + hex
    [InlineData("6610002000120240417    083058AOinAY1AZFD7c|", "inAY1AZFD7c")]
    public void A_value_that_ends_like_a_checksum_before_its_delimiter_is_a_value_in_both_modes(string wire, string value)
    {
        var lenient = Parse(wire);
        var strict = Parse(wire, Strict);

        Assert.False(lenient.HasChecksum);
        Assert.Equal(value, lenient.Message!.GetField(FieldId.InstitutionId));
        Assert.Equal(lenient.Message, strict.Message);
    }

    [Theory]
    [InlineData("9300CNa|COb|AZF3A5|")]
    [InlineData("9300CNa|COb|AY1AZF2F4| ")]
    public void A_checksum_at_a_field_boundary_is_still_read_with_a_delimiter_or_spaces_after_it(string wire)
    {
        var result = Parse(wire, new() { ErrorDetection = Sip2ErrorDetectionMode.Off });

        Assert.True(result.HasChecksum);
        Assert.Equal("b", Assert.IsType<LoginRequest>(result.Message).LoginPassword);
    }

    [Fact]
    public void Empty_fields_are_present_and_empty()
    {
        var request = Assert.IsType<PatronInformationRequest>(Parse("6300120240417    083058          AOinst|AApatron|AC|AD|BP|BQ|").Message);

        Assert.Equal("", request.TerminalPassword);
        Assert.Equal("", request.PatronPassword);
        Assert.Null(request.StartItem); // not a number: the text is kept, the typed view is null
        Assert.Equal("", request.GetField(FieldId.StartItem));
    }

    [Fact]
    public void A_fixed_part_that_ends_early_is_filled_with_defaults_in_lenient_mode_only()
    {
        var status = Assert.IsType<ScStatusRequest>(Parse("990003").Message);

        Assert.Equal(3, status.MaxPrintWidth);
        Assert.Equal("2.00", status.ProtocolVersion);
        Assert.Equal(Sip2ErrorCode.TruncatedFixedPart, Parse("990003", Strict).Error!.Code);
    }

    [Theory]
    [InlineData("9900")] // ends inside a field
    [InlineData("11YN20240417    083058AOinst|AApatron|")] // a field starts where the fixed part should go on
    public void A_broken_fixed_part_is_refused_with_the_command_known(string wire)
    {
        var result = Parse(wire);

        Assert.Equal(Sip2ErrorCode.TruncatedFixedPart, result.Error!.Code);
        Assert.NotNull(result.Command); // so a server can answer with the matching failure response
    }

    [Theory]
    [InlineData("", Sip2ErrorCode.Empty)]
    [InlineData("X", Sip2ErrorCode.InvalidCommandCode)]
    [InlineData("AB", Sip2ErrorCode.InvalidCommandCode)]
    [InlineData("42", Sip2ErrorCode.UnknownCommand)]
    [InlineData("00xyz", Sip2ErrorCode.UnknownCommand)]
    public void Garbage_gets_a_typed_error(string wire, Sip2ErrorCode code) =>
        Assert.Equal(code, Parse(wire).Error!.Code);

    [Fact]
    public void Strict_mode_checks_values_against_their_kind()
    {
        Assert.Equal(Sip2ErrorCode.InvalidFixedField, Parse("11XN20240417    083058                  AOi|AAp|ABi|AC|", Strict).Error!.Code);
        var result = Parse("11YN20240417    083058                  AOi|AAp|ABi|AC|BOmaybe|", Strict);
        Assert.Equal(Sip2ErrorCode.InvalidFieldValue, result.Error!.Code);
        Assert.Equal(FieldId.FeeAcknowledged, result.Error.Field);
        Assert.Equal(Sip2ErrorCode.MissingRequiredField, Parse("11YN20240417    083058                  AOi|AAp|AC|", Strict).Error!.Code);
        Assert.Equal(Sip2ErrorCode.FieldTooLong, Parse("9300CN" + new string('a', 256) + "|COb|", Strict).Error!.Code);
        Assert.Equal(Sip2ErrorCode.InvalidCharacter, Parse("9300CNa\0b|COb|", Strict).Error!.Code);
    }

    [Fact]
    public void Lenient_typed_views_read_what_they_can()
    {
        var checkout = Assert.IsType<CheckoutRequest>(Parse("11yN2024041X    083058                  AOi|AAp|ABi|AC|BOy|").Message);

        Assert.True(checkout.ScRenewalPolicy);
        Assert.Null(checkout.TransactionDate); // malformed date: null, text kept
        Assert.Equal("2024041X    083058", checkout.FixedFieldTexts[2]);
        Assert.True(checkout.FeeAcknowledged);
    }

    [Fact]
    public void Patron_status_accepts_N_for_false_and_writes_spaces()
    {
        var response = Assert.IsType<PatronStatusResponse>(Parse("24YNNNNNNNNNNNNY00120240417    083058AOi|AAp|AE|").Message);

        Assert.Equal(PatronStatus.ChargePrivilegesDenied | PatronStatus.TooManyItemsBilled, response.PatronStatus);
        var rewritten = response with { PatronStatus = response.PatronStatus };
        Assert.Equal("Y            Y", rewritten.FixedFieldTexts[0]);
    }

    [Fact]
    public void Supported_messages_longer_than_sixteen_read_the_first_sixteen()
    {
        var status = Assert.IsType<AcsStatusResponse>(Parse("98YYYYYY60000320240417    0830582.00AOi|BXYNYNYNYNYNYNYNYNYY|").Message);

        Assert.Equal((SupportedMessages)0b0101_0101_0101_0101, status.SupportedMessages);
    }

    [Theory]
    [InlineData("9300CNa|COb|AY1AZFAF0", 1)] // the usual: right after the last delimiter
    [InlineData("9300CNa|COb|AY1|AZFA74", 1)] // a delimiter between AY and AZ
    [InlineData("9300CNa|COb|AY1AZFAF0|", 1)] // a delimiter after the checksum
    [InlineData("941AY1AZFDFC", 1)] // right after the fixed part
    public void Trailer_variants_are_recognised_and_verified(string wire, int sequence)
    {
        var result = Parse(wire, EdOn);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.True(result.HasChecksum);
        Assert.Equal(sequence, result.SequenceNumber);
        Assert.DoesNotContain(result.Message!.Fields, f => f.Id == FieldId.SequenceNumber || f.Id == FieldId.Checksum);
    }

    [Fact]
    public void A_value_ending_in_AY_and_a_digit_is_not_a_trailer()
    {
        var result = Parse("9300CNa|COMONDAY1|");

        Assert.Null(result.SequenceNumber);
        Assert.Equal("MONDAY1", ((LoginRequest)result.Message!).LoginPassword);
    }

    [Fact]
    public void Error_detection_modes()
    {
        const string bad = "9300CNa|COb|AY1AZ0000";
        Assert.Equal(Sip2ErrorCode.ChecksumMismatch, Parse(bad).Error!.Code); // Auto verifies a trailer that is there
        Assert.Equal(Sip2ErrorCode.ChecksumMismatch, Parse(bad, EdOn).Error!.Code);
        Assert.True(Parse(bad, new Sip2CodecOptions { ErrorDetection = Sip2ErrorDetectionMode.Off }).IsSuccess);
        Assert.True(Parse("9300CNa|COb|").IsSuccess); // Auto accepts a message without one
        Assert.Equal(Sip2ErrorCode.ChecksumMissing, Parse("9300CNa|COb|", EdOn).Error!.Code);
        Assert.Equal(Sip2ErrorCode.ChecksumMissing, Parse("9300CNa|COb|AY1", EdOn).Error!.Code);
    }

    [Fact]
    public void Errors_never_carry_secret_values()
    {
        const string secret = "S3cr3t-Pa55";
        var wires = new[]
        {
            $"9300CNkiosk|CO{secret}|CO{secret}|AY1AZ0000",
            $"9300CNa|CO{secret}|CO{secret}|",
            $"11YN20240417    083058                  AOi|AAp|ABi|AC{secret}|AD{secret}|AD{secret}|BOmaybe|",
            $"23001XXXXXXXXXXXXXXXXXXAOi|AAp|AC{secret}|AD{secret}|",
            $"9300CNkiosk\0|CO{secret}\0|",
        };
        foreach (var wire in wires)
        {
            foreach (var options in new[] { Strict, EdOn, Sip2CodecOptions.Default })
            {
                var result = Parse(wire, options);
                if (result.Error is { } error)
                {
                    Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
                    Assert.DoesNotContain(secret, new Sip2ParseException(error).Message, StringComparison.Ordinal);
                }
                else
                {
                    Assert.DoesNotContain(secret, result.Message!.ToString(), StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void ToString_masks_passwords_and_pins()
    {
        var checkout = new CheckoutRequest { TerminalPassword = "term-secret", PatronPassword = "1234", PatronIdentifier = "p" };
        var login = new LoginRequest { LoginUserId = "kiosk", LoginPassword = "login-secret" };

        Assert.DoesNotContain("term-secret", checkout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("1234", checkout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("login-secret", login.ToString(), StringComparison.Ordinal);
        Assert.Contains("kiosk", login.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Throwing_overload_wraps_the_error()
    {
        var exception = Assert.Throws<Sip2ParseException>(() => Sip2MessageParser.ParseOrThrow("42"u8));

        Assert.Equal(Sip2ErrorCode.UnknownCommand, exception.Error.Code);
        Assert.IsAssignableFrom<Sip2Exception>(exception);
    }

    [Fact]
    public void A_configured_delimiter_is_used_both_ways()
    {
        var options = new Sip2CodecOptions { FieldDelimiter = '^' };
        var login = Assert.IsType<LoginRequest>(Sip2MessageParser.Parse("9300CNa|b^COc^"u8, options).Message);

        Assert.Equal("a|b", login.LoginUserId);
        Assert.Equal("9300CNa|b^COc^\r", Encoding.ASCII.GetString(Sip2MessageWriter.ToBytes(login, options)));
    }

    // Found by the fuzz harness (tests/Sip2.Net.Fuzz, target parse): strict mode took AY and AZ for ordinary
    // fields. "...|AZFA0D|" was a field to strict mode, its checksum never verified, while lenient mode read
    // it as a checksum and refused it; an AY field written last read back as a sequence number. The inputs
    // are the crashing ones, as AFL wrote them.
    public static TheoryData<byte[], string> FuzzedTrailerIdsAmongFields() => new()
    {
        { "9699|AY9|AY7"u8.ToArray(), "AY" },
        { "969::|AY7|AY7"u8.ToArray(), "AY" },
        { "96999699|AY7|AY7"u8.ToArray(), "AY" },
        { "9699|A2300120240417    083058AOinst|AA2A20D1234|AZFA0D|"u8.ToArray(), "AZ" },
    };

    [Theory]
    [MemberData(nameof(FuzzedTrailerIdsAmongFields))]
    public void Strict_mode_refuses_trailer_ids_among_the_fields(byte[] input, string id)
    {
        var error = Sip2MessageParser.Parse(input, Strict).Error;

        Assert.Equal(Sip2ErrorCode.MalformedField, error?.Code);
        Assert.Equal(new FieldId(id), error!.Field);
    }

    [Fact]
    public void Strict_mode_still_reads_the_trailer_forms_real_clients_send()
    {
        Assert.Equal(1, Parse("9900302.00AY1AZFCA5", Strict).SequenceNumber);
        Assert.True(Parse("9900302.00AY1|AZFC29", Strict).IsSuccess);
        Assert.True(Parse("9900302.00AY1", Strict).IsSuccess);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void A_frame_with_its_terminator_still_on_is_verified_as_without(string terminator)
    {
        // A frame ending AY4AZ0000 plus its terminator: the checksum is wrong, and must be found wrong, with the
        // sequence number read as 4 (not "4AZ0000", which would skip the check).
        var bad = Parse("9900302.00AY4AZ0000" + terminator);
        Assert.False(bad.IsSuccess);
        Assert.Equal(Sip2ErrorCode.ChecksumMismatch, bad.Error!.Code);

        var wire = Encoding.ASCII.GetString(Sip2MessageWriter.ToBytes(new ScStatusRequest { StatusCode = ScStatusCode.Ok, MaxPrintWidth = 30, ProtocolVersion = "2.00" }, trailer: Sip2Trailer.WithChecksum(4)));
        var good = Parse(wire.TrimEnd('\r') + terminator);
        Assert.True(good.IsSuccess, good.Error?.ToString());
        Assert.Equal((4, true), (good.SequenceNumber, good.HasChecksum));
    }
}
