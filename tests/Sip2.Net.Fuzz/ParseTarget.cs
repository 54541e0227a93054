using System.Buffers;
using System.Collections.Concurrent;
using System.Reflection;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Fuzz;

/// <summary>
/// <see cref="Sip2MessageParser.Parse(ReadOnlySpan{byte}, Sip2CodecOptions?)"/> over arbitrary bytes, in every
/// combination of lenient and strict, IBM850 and UTF-8, error detection auto, on and off. Checks: never an
/// exception, only a message or a typed error (with an offset inside the frame); a segmented frame reads the
/// same; error detection on accepts only what carries a checksum, and what auto accepts with one; whatever
/// strict mode accepts, lenient mode accepts as the same message; a message strict mode accepts formats back to
/// the same bytes; and no typed property of a parsed message throws, nor does writing it.
/// </summary>
internal static class ParseTarget
{
    private static readonly Sip2Encoding[] Encodings = [Sip2Encoding.Ibm850, Sip2Encoding.Utf8];

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static void Run(byte[] frame)
    {
        var segmented = Invariant.Segmented(frame);
        foreach (var encoding in Encodings)
        {
            var results = new Dictionary<(Sip2ParseMode, Sip2ErrorDetectionMode), Sip2ParseResult>();
            foreach (var mode in new[] { Sip2ParseMode.Lenient, Sip2ParseMode.Strict })
            {
                foreach (var detection in new[] { Sip2ErrorDetectionMode.Auto, Sip2ErrorDetectionMode.On, Sip2ErrorDetectionMode.Off })
                {
                    var options = new Sip2CodecOptions { Encoding = encoding, ParseMode = mode, ErrorDetection = detection };
                    var result = Sip2MessageParser.Parse(frame, options);
                    CheckResult(frame, result, options);
                    Invariant.Check(Same(result, Sip2MessageParser.Parse(segmented, options)), "a segmented frame reads differently");
                    results[(mode, detection)] = result;
                }
            }

            foreach (var mode in new[] { Sip2ParseMode.Lenient, Sip2ParseMode.Strict })
            {
                var auto = results[(mode, Sip2ErrorDetectionMode.Auto)];
                var on = results[(mode, Sip2ErrorDetectionMode.On)];
                Invariant.Check(!on.IsSuccess || (auto.IsSuccess && auto.Message!.Equals(on.Message)), "error detection on accepts what auto refuses");
                Invariant.Check(!(auto.IsSuccess && auto.HasChecksum) || on.IsSuccess, "error detection on refuses a message auto accepts with its checksum");
            }

            foreach (var detection in new[] { Sip2ErrorDetectionMode.Auto, Sip2ErrorDetectionMode.On, Sip2ErrorDetectionMode.Off })
            {
                var strict = results[(Sip2ParseMode.Strict, detection)];
                var lenient = results[(Sip2ParseMode.Lenient, detection)];
                Invariant.Check(!strict.IsSuccess || (lenient.IsSuccess && lenient.Message!.Equals(strict.Message)), "lenient mode refuses or reads differently what strict mode accepts");
                if (strict.IsSuccess && detection != Sip2ErrorDetectionMode.Off)
                {
                    CheckRoundTrip(frame, strict, encoding);
                }
            }
        }
    }

    private static void CheckResult(byte[] frame, Sip2ParseResult result, Sip2CodecOptions options)
    {
        Invariant.Check(result.IsSuccess == (result.Error is null), "a result is both or neither a message and an error");
        int? command = frame.Length >= 2 && char.IsAsciiDigit((char)frame[0]) && char.IsAsciiDigit((char)frame[1])
            ? ((frame[0] - '0') * 10) + (frame[1] - '0')
            : null;
        Invariant.Check((int?)result.Command == command, "the reported command code is not the first two digits");
        Invariant.Check(result.SequenceNumber is null or (>= 0 and <= 9), "a sequence number outside 0-9");
        if (result.Error is { } error)
        {
            Invariant.Check(error.Offset >= 0 && error.Offset <= frame.Length, "an error offset outside the frame");
            Invariant.Check(Enum.IsDefined(error.Code) && !string.IsNullOrEmpty(error.Message), "an error without a known code or a text");
            try
            {
                result.GetMessageOrThrow();
                Invariant.Check(false, "GetMessageOrThrow returned for an error");
            }
            catch (Sip2ParseException exception)
            {
                Invariant.Check(ReferenceEquals(exception.Error, error), "the exception does not carry the error");
            }

            return;
        }

        var message = result.Message!;
        Invariant.Check((int)message.Command == command, "the message's command is not the frame's");
        Invariant.Check(options.ErrorDetection != Sip2ErrorDetectionMode.On || result.HasChecksum, "error detection on accepted a message without a checksum");

        // Typed properties read leniently and must never throw, whatever text the fields hold.
        foreach (var property in Properties.GetOrAdd(message.GetType(), type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                _ = property.GetValue(message);
            }
        }

        _ = Sip2MessageWriter.ToBytes(message, options, Sip2Trailer.WithChecksum(result.SequenceNumber is { } s && s is >= 0 and <= 9 ? s : null));
        CheckParsesAgree(frame, options);
    }

    // Two parses of the same frame read alike, one read field by field and the other through its field list: every
    // field by id, every typed property, equality and hash (nothing in a message depends on the order it is read in).
    private static void CheckParsesAgree(byte[] frame, Sip2CodecOptions options)
    {
        var first = Sip2MessageParser.Parse(frame, options).Message!;
        var second = Sip2MessageParser.Parse(frame, options).Message!;
        var fields = second.Fields;
        foreach (var field in fields)
        {
            Invariant.Check(first.GetFields(field.Id).SequenceEqual(second.GetFields(field.Id)), "two parses of one frame read a field differently");
        }

        foreach (var property in Properties.GetOrAdd(first.GetType(), type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name is not (nameof(Sip2Message.Fields) or nameof(Sip2Message.FixedFieldTexts) or nameof(Sip2Message.UnknownFields)))
            {
                Invariant.Check(SameValue(property.GetValue(first), property.GetValue(second)), "two parses of one frame read a property differently");
            }
        }

        Invariant.Check(first.Equals(second) && first.GetHashCode() == second.GetHashCode(), "two parses of one frame are not equal");
    }

    private static bool SameValue(object? a, object? b) =>
        a is System.Collections.IEnumerable x && b is System.Collections.IEnumerable y && a is not string
            ? x.Cast<object?>().SequenceEqual(y.Cast<object?>())
            : Equals(a, b);

    // A message strict mode accepts is in the specification's form, so writing it gives back the bytes it was
    // read from: the same fixed part and the same fields in the same order. The trailer is compared by what it
    // says (a checksum or not, which sequence number), not byte for byte: the reader takes its tolerated forms
    // (hex digits in either case, "AY1|AZ", a sequence number on a resend message) in every mode by design, and
    // the writer writes one form; a trailing CR or LF is not part of the message. Invalid UTF-8 is left out: it is read as U+FFFD by design, so hostile bytes
    // never throw, and cannot be written back.
    private static void CheckRoundTrip(byte[] frame, Sip2ParseResult result, Sip2Encoding encoding)
    {
        if (encoding.Kind == Sip2CharacterEncoding.Utf8 && !System.Text.Unicode.Utf8.IsValid(frame))
        {
            return;
        }

        // The parser takes a frame with its terminator still on as the frame without it (issue 19).
        var body = frame.AsSpan().TrimEnd("\r\n"u8);
        if (result.HasChecksum)
        {
            body = body[..^6]; // strict mode takes "AZ" and four hex digits only at the very end
        }

        if (result.SequenceNumber is not null)
        {
            body = body[^1] == (byte)'|' ? body[..^4] : body[..^3];
        }

        var options = new Sip2CodecOptions { Encoding = encoding };
        var written = Sip2MessageWriter.ToBytes(result.Message!, options, Sip2Trailer.None);
        Invariant.Check(written.AsSpan().SequenceEqual([.. body, (byte)'\r']), "a message strict mode accepts does not format back to its bytes");

        var trailer = result.HasChecksum ? Sip2Trailer.WithChecksum(result.SequenceNumber) : Sip2Trailer.None;
        written = Sip2MessageWriter.ToBytes(result.Message!, options, trailer);
        var strict = options with { ParseMode = Sip2ParseMode.Strict };
        var again = Sip2MessageParser.Parse(written.AsSpan(0, written.Length - 1), strict);
        var resend = result.Command is Sip2Command.RequestAcsResend or Sip2Command.RequestScResend;
        Invariant.Check(again.IsSuccess && again.Message!.Equals(result.Message) && again.HasChecksum == result.HasChecksum
            && (again.SequenceNumber == (result.HasChecksum && !resend ? result.SequenceNumber : null)), "a message strict mode accepts does not read back with its trailer");
    }

    private static bool Same(Sip2ParseResult a, Sip2ParseResult b) =>
        a.IsSuccess == b.IsSuccess && a.Command == b.Command && a.SequenceNumber == b.SequenceNumber && a.HasChecksum == b.HasChecksum
        && (a.IsSuccess ? a.Message!.Equals(b.Message) : a.Error!.Code == b.Error!.Code && a.Error.Offset == b.Error.Offset && a.Error.Field == b.Error.Field);
}
