using System.Text;
using Sip2.Net.Encodings;
using Sip2.Net.Protocol;
using Sip2.Net.Testing;

namespace Sip2.Net.Fuzz;

/// <summary>
/// The seed corpus, one folder per target, made from the unit tests' golden vectors: AFL mutates real messages
/// far more productively than it invents them. Written afresh by <c>--write-corpus DIR</c>.
/// </summary>
internal static class Seeds
{
    public static int Write(string directory)
    {
        foreach (var target in Program.Targets.Keys)
        {
            Console.WriteLine($"{target}: {WriteAll(directory, target, For(target))} seeds");
        }

        return 0;
    }

    /// <summary>The seeds of one target.</summary>
    public static IEnumerable<byte[]> For(string target) => target switch
    {
        "frame" => Streams(Messages().ToList()),
        "proxy" => ProxyHeaders(),
        _ => Messages(),
    };

    // Every golden message as sent (IBM850, AY and AZ), in UTF-8 too (the checksum recomputed over the UTF-8
    // bytes), with AZ only, and with no trailer.
    private static IEnumerable<byte[]> Messages()
    {
        foreach (var wire in GoldenWires.ByName.Values)
        {
            var body = StripTrailer(wire, out var sequence);
            foreach (var encoding in new[] { Sip2Encoding.Ibm850, Sip2Encoding.Utf8 })
            {
                yield return WithChecksum(encoding, body + (sequence is null ? "" : "AY" + sequence));
                yield return WithChecksum(encoding, body);
                yield return encoding.GetBytes(body);
            }
        }
    }

    // Several messages per buffer with CR, CRLF and LF terminators, stray line breaks, one cut short.
    private static IEnumerable<byte[]> Streams(List<byte[]> messages)
    {
        string[] terminators = ["\r", "\r\n", "\n"];
        for (var i = 0; i < messages.Count; i += 3)
        {
            var stream = new List<byte>();
            for (var j = 0; j < 3 && i + j < messages.Count; j++)
            {
                stream.AddRange(messages[i + j]);
                stream.AddRange(Encoding.ASCII.GetBytes(terminators[(i / 3 + j) % 3]));
            }

            if (i % 2 == 0)
            {
                stream.InsertRange(0, "\r\n"u8.ToArray());
                stream.AddRange(messages[(i + 1) % messages.Count].AsSpan(0, 5).ToArray());
            }

            yield return [.. stream];
        }

        yield return [.. messages[0], (byte)'\r'];
    }

    private static IEnumerable<byte[]> ProxyHeaders()
    {
        var first = Encoding.ASCII.GetBytes(GoldenWires.ByName["ScStatus"] + "\r");
        byte[][] headers =
        [
            Encoding.ASCII.GetBytes("PROXY TCP4 192.0.2.10 198.51.100.1 50123 6001\r\n"),
            Encoding.ASCII.GetBytes("PROXY TCP6 2001:db8::10 2001:db8::1 50123 6001\r\n"),
            Encoding.ASCII.GetBytes("PROXY UNKNOWN\r\n"),
            Encoding.ASCII.GetBytes("PROXY UNKNOWN ffff:f...f:ffff ffff:f...f:ffff 65535 65535\r\n"),
            V2(0x21, 0x11, [192, 0, 2, 10, 198, 51, 100, 1, 0xC3, 0xCB, 0x17, 0x71]),
            V2(0x21, 0x21, [.. IPAddressBytes("2001:db8::10"), .. IPAddressBytes("2001:db8::1"), 0xC3, 0xCB, 0x17, 0x71]),
            V2(0x20, 0x00, []),
            V2(0x21, 0x11, [192, 0, 2, 10, 198, 51, 100, 1, 0xC3, 0xCB, 0x17, 0x71, 0x01, 0x00, 0x02, 0x68, 0x32]), // with an ALPN TLV
            V2(0x21, 0x31, new byte[216]), // UNIX sockets: no client address
        ];
        foreach (var header in headers)
        {
            yield return header;
            yield return [.. header, .. first];
        }
    }

    private static byte[] V2(byte command, byte family, byte[] addresses) => Testing.ProxyHeaders.V2(command, family, addresses);

    private static byte[] IPAddressBytes(string text) => System.Net.IPAddress.Parse(text).GetAddressBytes();

    private static string StripTrailer(string wire, out string? sequence)
    {
        var body = wire[..^6]; // every golden vector ends in AZ and four hex digits
        sequence = body.Length >= 3 && body[^3] == 'A' && body[^2] == 'Y' ? body[^1..] : null;
        return sequence is null ? body : body[..^3];
    }

    private static byte[] WithChecksum(Sip2Encoding encoding, string text)
    {
        var bytes = encoding.GetBytes(text + "AZ");
        return [.. bytes, .. Encoding.ASCII.GetBytes(Sip2Checksum.ToHex(Sip2Checksum.Compute(bytes)))];
    }

    private static int WriteAll(string directory, string target, IEnumerable<byte[]> seeds)
    {
        var folder = Path.Combine(directory, target);
        Directory.CreateDirectory(folder);
        var count = 0;
        foreach (var seed in seeds.DistinctBy(Convert.ToHexString))
        {
            File.WriteAllBytes(Path.Combine(folder, $"seed-{count:000}"), seed);
            count++;
        }

        return count;
    }
}
