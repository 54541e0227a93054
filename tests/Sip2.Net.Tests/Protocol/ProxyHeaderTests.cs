using System.Buffers;
using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sip2.Net.Protocol;
using Sip2.Net.Server;
using Sip2.Net.Protocol.Internal;

namespace Sip2.Net.Tests.Protocol;

public class ProxyHeaderTests
{
    private static byte[] V2(byte command, byte family, byte[] addresses) => Testing.ProxyHeaders.V2(command, family, addresses);

    private static readonly byte[] V2Tcp4 = V2(0x21, 0x11, [10, 1, 2, 3, 192, 168, 0, 1, 0x13, 0x88, 0x17, 0x71]);
    private static readonly byte[] V2Tcp6 = V2(0x21, 0x21, [.. IPAddress.Parse("2001:db8::7").GetAddressBytes(), .. IPAddress.Parse("2001:db8::1").GetAddressBytes(), 0x04, 0xD2, 0x17, 0x71]);

    public static TheoryData<byte[], string?> ValidHeaders() => new()
    {
        { Encoding.ASCII.GetBytes("PROXY TCP4 10.1.2.3 192.168.0.1 5000 6001\r\n"), "10.1.2.3:5000" },
        { Encoding.ASCII.GetBytes("PROXY TCP6 2001:db8::7 2001:db8::1 1234 6001\r\n"), "[2001:db8::7]:1234" },
        { Encoding.ASCII.GetBytes("PROXY UNKNOWN\r\n"), null },
        { V2Tcp4, "10.1.2.3:5000" },
        { V2Tcp6, "[2001:db8::7]:1234" },
        { V2(0x20, 0x00, []), null }, // LOCAL: a health check from the proxy itself
        { V2(0x21, 0x11, [10, 1, 2, 3, 192, 168, 0, 1, 0x13, 0x88, 0x17, 0x71, 0x01, 0x00, 0x02, 0x68, 0x32]), "10.1.2.3:5000" }, // with a TLV
    };

    [Theory]
    [MemberData(nameof(ValidHeaders))]
    public void Valid_headers_report_the_client_and_leave_the_rest(byte[] header, string? source)
    {
        var buffer = new ReadOnlySequence<byte>([.. header, .. "9900302.00\r"u8.ToArray()]);

        Assert.Equal(Sip2ProxyHeaderStatus.Parsed, Sip2ProxyHeader.TryRead(ref buffer, out var result));
        Assert.Equal(source, result.Source?.ToString());
        Assert.Equal("9900302.00\r", Encoding.ASCII.GetString(buffer.ToArray()));
    }

    [Theory]
    [MemberData(nameof(ValidHeaders))]
    public void A_header_cut_anywhere_needs_more_data(byte[] header, string? source)
    {
        _ = source;
        for (var cut = 0; cut < header.Length; cut++)
        {
            Assert.Equal(Sip2ProxyHeaderStatus.NeedMoreData, Sip2ProxyHeader.TryRead(header.AsSpan(0, cut), out _, out _));
        }
    }

    [Theory]
    [InlineData("9900302.00\r")] // no header at all
    [InlineData("PROXY TCP4 10.1.2.3 192.168.0.1 5000\r\n")] // a field missing
    [InlineData("PROXY TCP4 2001:db8::7 192.168.0.1 5000 6001\r\n")] // family does not match
    [InlineData("PROXY TCP4 10.1.2.3 192.168.0.1 99999 6001\r\n")] // port out of range
    [InlineData("PROXY TCP4 10.1.2.3 192.168.0.1 5000 6001\n")] // no CR
    [InlineData("GET / HTTP/1.1\r\n")]
    public void Malformed_v1_headers_are_invalid(string text) =>
        Assert.Equal(Sip2ProxyHeaderStatus.Invalid, Sip2ProxyHeader.TryRead(Encoding.ASCII.GetBytes(text + new string('x', 120)), out _, out _));

    // Found by the fuzz harness (tests/Sip2.Net.Fuzz, target proxy): IPAddress.TryParse read a v1 address that
    // is not in the specification's form, so the header named another address than its text seems to, or an
    // address of the other family. The inputs are the crashing ones, as AFL wrote them.
    public static TheoryData<byte[]> FuzzedV1Headers() => new()
    {
        // Destination "198.51.101": three parts, read as 198.51.0.101.
        "PROXY TCP4 192.0.2.10 198.51.101 50123 6001\r\n990 50123 6001\u0001\n9900302.00AY1\0\0\0\0A5\r"u8.ToArray(),
        // Source "132.10": read as 132.0.0.10, and reported to the access policy.
        (byte[])[.. "PROXY TCP4 132.10 198.200.1 50123 6001\r\n9900.5=.100.1 500122 6G01\r\n"u8, 0, 0, 0x20, 0, 0, 0, 0, 0, 0, 0x1E, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x20, 0, 0, 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x1D, 0, 0, 0, 0, 0, 0, 0, 0xF9, 0, 0, 0, .. "PRO_"u8],
        // TCP6 with an IPv4 destination ("20017" is read as 0.0.78.49).
        "PROXY TCP6 2db8::1:10 20017 50123 6001\r\n"u8.ToArray(),
        "PROXY TCP6 1db8::10 23 6 41\r\n"u8.ToArray(),
        (byte[])[.. "PROXY TCP6 2db8::10 23 6 0\r\n\0\r\nQU,T\n!\u0012\0\u0001"u8, 0xC3, 0xCB, .. "1\r\n"u8],
    };

    [Theory]
    [MemberData(nameof(FuzzedV1Headers))]
    public void Fuzzed_v1_headers_with_addresses_outside_the_specification_are_invalid(byte[] input) =>
        Assert.Equal(Sip2ProxyHeaderStatus.Invalid, Sip2ProxyHeader.TryRead(input, out _, out _));

    [Theory]
    [InlineData("PROXY TCP4 010.1.2.3 192.168.0.1 5000 6001\r\n")] // octal to IPAddress: 8.1.2.3
    [InlineData("PROXY TCP4 0x7f.0.0.1 192.168.0.1 5000 6001\r\n")] // hexadecimal
    [InlineData("PROXY TCP4 10.1 192.168.0.1 5000 6001\r\n")] // two parts: 10.0.0.1
    [InlineData("PROXY TCP4 10.1.2.256 192.168.0.1 5000 6001\r\n")]
    [InlineData("PROXY TCP4 10.1.2.3 2001:db8::1 5000 6001\r\n")] // destination of the other family
    [InlineData("PROXY TCP6 fe80::1%1 2001:db8::1 5000 6001\r\n")] // zone index
    [InlineData("PROXY TCP6 [2001:db8::7] 2001:db8::1 5000 6001\r\n")]
    public void V1_addresses_must_be_in_the_specifications_form(string header) =>
        Assert.Equal(Sip2ProxyHeaderStatus.Invalid, Sip2ProxyHeader.TryRead(Encoding.ASCII.GetBytes(header), out _, out _));

    [Theory]
    [InlineData("PROXY TCP4 0.0.0.0 255.255.255.255 0 65535\r\n", "0.0.0.0:0")]
    [InlineData("PROXY TCP6 ::ffff:10.1.2.3 ::1 5000 6001\r\n", "[::ffff:10.1.2.3]:5000")]
    [InlineData("PROXY TCP6 2001:DB8::7 2001:db8::1 5000 6001\r\n", "[2001:db8::7]:5000")]
    public void V1_addresses_in_the_specifications_form_still_parse(string header, string source)
    {
        Assert.Equal(Sip2ProxyHeaderStatus.Parsed, Sip2ProxyHeader.TryRead(Encoding.ASCII.GetBytes(header), out var result, out _));
        Assert.Equal(source, result.Source!.ToString());
    }

    [Fact]
    public void Oversized_headers_are_invalid()
    {
        Assert.Equal(Sip2ProxyHeaderStatus.Invalid, Sip2ProxyHeader.TryRead(Encoding.ASCII.GetBytes("PROXY " + new string('1', 200)), out _, out _));
        Assert.Equal(Sip2ProxyHeaderStatus.Invalid, Sip2ProxyHeader.TryRead(V2(0x21, 0x11, new byte[600]), out _, out _));
        Assert.Equal(Sip2ProxyHeaderStatus.Invalid, Sip2ProxyHeader.TryRead(V2(0x31, 0x11, new byte[12]), out _, out _)); // version 3
        Assert.Equal(Sip2ProxyHeaderStatus.Invalid, Sip2ProxyHeader.TryRead(V2(0x21, 0x11, new byte[4]), out _, out _)); // truncated addresses
    }

    [Property(MaxTest = 1000)]
    public Property Arbitrary_bytes_never_throw(byte[] bytes) => Prop.ToProperty(() =>
    {
        var status = Sip2ProxyHeader.TryRead(bytes, out var result, out var consumed);
        Assert.True(status != Sip2ProxyHeaderStatus.Parsed || (consumed > 0 && consumed <= bytes.Length));
        Assert.True(status != Sip2ProxyHeaderStatus.Invalid || result.Error is not null);
    });

    [Theory]
    [InlineData("10.0.0.0/8", "10.200.3.4", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("192.168.1.0/25", "192.168.1.127", true)]
    [InlineData("192.168.1.0/25", "192.168.1.128", false)]
    [InlineData("127.0.0.1", "127.0.0.1", true)]
    [InlineData("127.0.0.1", "::ffff:127.0.0.1", true)]
    [InlineData("2001:db8::/32", "2001:db8:1::5", true)]
    [InlineData("2001:db8::/32", "10.0.0.1", false)]
    public void Trusted_proxy_ranges(string network, string address, bool contained) =>
        Assert.Equal(contained, Sip2IPNetwork.Parse(network).Contains(IPAddress.Parse(address)));

    [Theory]
    [InlineData("")]
    [InlineData("10.0.0.0/33")]
    [InlineData("not-an-address")]
    [InlineData("10.0.0.0/-1")]
    public void Bad_ranges_do_not_parse(string text) => Assert.False(Sip2IPNetwork.TryParse(text, out _));
}
