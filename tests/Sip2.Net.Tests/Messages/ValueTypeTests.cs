using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sip2.Net.Messages;

namespace Sip2.Net.Tests.Messages;

public class ValueTypeTests
{
    [Theory]
    [InlineData("20240417    083058", ' ', null)]
    [InlineData("20240417   Z083058", 'Z', 0)]
    [InlineData("20240417   A083058", 'A', 1)]
    [InlineData("20240417   M083058", 'M', 12)]
    [InlineData("20240417   N083058", 'N', -1)]
    [InlineData("20240417   Y083058", 'Y', -12)]
    public void Timestamps_read_local_utc_and_military_zones(string text, char zone, int? hours)
    {
        var timestamp = Sip2Timestamp.Parse(text);

        Assert.Equal(new DateTime(2024, 4, 17, 8, 30, 58), timestamp.DateTime);
        Assert.Equal(zone, timestamp.Zone);
        Assert.Equal(hours is null ? null : TimeSpan.FromHours(hours.Value), timestamp.Offset);
        Assert.Equal(text, timestamp.ToString());
    }

    [Theory]
    [InlineData("                  ")]
    [InlineData("20240417   J083058")] // J is not a zone
    [InlineData("20240230    083058")] // no such day
    [InlineData("20240417    246000")]
    [InlineData("2024041     083058")]
    [InlineData("20240417  Z 083058")]
    public void Blank_and_malformed_timestamps_are_refused(string text) =>
        Assert.False(Sip2Timestamp.TryParse(text.AsSpan(), out _));

    [Fact]
    public void A_zoned_timestamp_is_a_point_in_time()
    {
        var utc = Sip2Timestamp.Utc(new DateTime(2024, 4, 17, 8, 30, 58, DateTimeKind.Utc));
        var local = Sip2Timestamp.Local(new DateTime(2024, 4, 17, 10, 30, 58));
        var berlin = TimeZoneInfo.CreateCustomTimeZone("test+2", TimeSpan.FromHours(2), "test+2", "test+2");

        Assert.Equal("20240417   Z083058", utc.ToString());
        Assert.Equal(utc.ToDateTimeOffset(), local.ToDateTimeOffset(berlin));
        Assert.Equal(local, Sip2Timestamp.FromDateTimeOffset(utc.ToDateTimeOffset(), berlin));
    }

    // FromDateTimeOffset keeps its last conversion (one second in one zone): a sequence of instants and zones that
    // often repeats a second, crosses a daylight-saving change and switches zones must get each one's own conversion.
    [Property(MaxTest = 300)]
    public Property Now_in_a_zone_is_the_conversion_of_that_instant(byte[] steps)
    {
        var zones = new[]
        {
            TimeZoneInfo.Utc,
            TimeZoneInfo.CreateCustomTimeZone("test+2", TimeSpan.FromHours(2), "test+2", "test+2"),
            TimeZoneInfo.CreateCustomTimeZone(
                "test-dst", TimeSpan.FromHours(1), "test-dst", "test-dst", "test-dst-summer",
                [TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                    DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
                    TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 29),
                    TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 25))]),
        };
        // Around the spring change: 2026-03-29 00:59:58 UTC is 01:59:58 standard time, two seconds before it.
        var start = new DateTimeOffset(2026, 3, 29, 0, 59, 58, TimeSpan.Zero);
        return Prop.ToProperty(() =>
        {
            var instant = start;
            foreach (var step in steps)
            {
                instant = instant.AddMilliseconds((step & 0x0F) * 150); // often the same second, sometimes the next ones
                var zone = zones[(step >> 4) % zones.Length];
                var expected = Sip2Timestamp.Local(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
                if (!Sip2Timestamp.FromDateTimeOffset(instant, zone).Equals(expected))
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Theory]
    [InlineData("3.50", 3.50)]
    [InlineData("3,50", 3.50)]
    [InlineData("1,234.00", 1234.00)]
    [InlineData("1.234,50", 1234.50)]
    [InlineData("1,234", 1234)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("-2.5", -2.5)]
    [InlineData("$4.25", 4.25)]
    [InlineData("0", 0)]
    public void Amounts_read_both_decimal_styles(string text, double expected)
    {
        var amount = new Sip2Amount(text);

        Assert.Equal((decimal)expected, amount.Value);
        Assert.Equal(text, amount.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3,4,5")]
    [InlineData("--1")]
    public void Amounts_that_are_not_numbers_have_no_value(string text) => Assert.Null(new Sip2Amount(text).Value);

    [Fact]
    public void Amounts_are_written_with_two_decimals_and_a_point() =>
        Assert.Equal("1234.50", Sip2Amount.FromDecimal(1234.5m).Text);

    [Fact]
    public void Codes_outside_the_tables_are_kept()
    {
        var response = new ItemInformationResponse { CirculationStatus = (CirculationStatus)42, MediaType = (MediaType)123 };

        Assert.Equal((CirculationStatus)42, response.CirculationStatus);
        Assert.Equal("42", response.FixedFieldTexts[0]);
        Assert.Equal("123", response.GetField(FieldId.MediaType));
    }

    [Fact]
    public void Fixed_numbers_that_do_not_fit_are_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AcsStatusResponse { TimeoutPeriod = 1000 });
        Assert.Throws<ArgumentException>(() => new FeePaidRequest { CurrencyType = "EURO" });
    }

    [Fact]
    public void Supported_messages_govern_requests()
    {
        var supported = SupportedMessages.Checkout | SupportedMessages.ScAcsStatus;

        Assert.True(supported.Allows(Sip2Command.Checkout));
        Assert.True(supported.Allows(Sip2Command.ScStatus));
        Assert.False(supported.Allows(Sip2Command.Checkin));
        Assert.False(SupportedMessages.All.Allows(Sip2Command.CheckoutResponse));
    }

    [Fact]
    public void Field_ids_are_two_printable_characters()
    {
        Assert.Equal("AO", FieldId.InstitutionId.ToString());
        Assert.Equal(FieldId.InstitutionId, new FieldId("AO"));
        Assert.Throws<ArgumentException>(() => new FieldId("A"));
        Assert.Throws<ArgumentException>(() => new FieldId("A|"));
        Assert.True(FieldId.PatronPassword.IsSecret && FieldId.TerminalPassword.IsSecret && FieldId.LoginPassword.IsSecret);
        Assert.False(FieldId.LoginUserId.IsSecret);
    }
}
