using System;
using System.Buffers;
using System.Collections.Generic;
using Sip2.Net.Messages;
using Sip2.Net.Messages.Internal;

namespace Sip2.Net.Protocol;

/// <summary>
/// Reads SIP2 messages from bytes, driven by <see cref="Sip2MessageTable"/>. One engine for every message:
/// trailer (AY/AZ) and checksum, command code, fixed part, variable fields, and in strict mode validation
/// against the table. Never throws for bad input: any byte sequence gives a message or a typed error.
/// </summary>
public static class Sip2MessageParser
{
    private const int MaxFieldLength = 255;

    /// <summary>Reads one message from a frame (as <see cref="Sip2FrameReader"/> returns it; a trailing CR or LF is ignored).</summary>
    public static Sip2ParseResult Parse(ReadOnlySpan<byte> frame, Sip2CodecOptions? options)
    {
        options ??= Sip2CodecOptions.Default;
        // A frame handed over with its terminator still on: the checksum is found and verified at the true end.
        while (!frame.IsEmpty && frame[frame.Length - 1] is (byte)'\r' or (byte)'\n')
        {
            frame = frame.Slice(0, frame.Length - 1);
        }

        var delimiter = (byte)options.FieldDelimiter;
        var strict = options.ParseMode == Sip2ParseMode.Strict;

        if (frame.IsEmpty)
        {
            return Fail(Sip2ErrorCode.Empty, 0, null, "The message is empty.", null, null, false);
        }

        // Command code: two digits.
        Sip2Command? command = frame.Length >= 2 && IsDigit(frame[0]) && IsDigit(frame[1])
            ? (Sip2Command)(((frame[0] - '0') * 10) + (frame[1] - '0'))
            : null;
        Sip2MessageTable.TryGet(command ?? 0, out var descriptor);

        // Trailer. The checksum covers every byte through "AZ", so it is checked on the bytes as received,
        // before anything is stripped.
        var end = frame.Length;
        var hasChecksum = false;
        var fieldsStart = descriptor is null ? 2 : 2 + descriptor.FixedLength;
        if (FindChecksum(frame, delimiter, strict, fieldsStart, out var azAt))
        {
            hasChecksum = true;
            if (options.ErrorDetection != Sip2ErrorDetectionMode.Off
                && !Sip2Checksum.Verify(frame.Slice(0, azAt + 2), frame.Slice(azAt + 2, 4)))
            {
                return Fail(Sip2ErrorCode.ChecksumMismatch, azAt, FieldId.Checksum, "The checksum does not match the message.", command, null, true);
            }

            end = azAt;
        }

        int? sequence = null;
        if (FindSequence(frame.Slice(0, end), delimiter, fieldsStart, out var ayAt, out var digit))
        {
            sequence = digit;
            end = ayAt;
        }

        if (!hasChecksum && options.ErrorDetection == Sip2ErrorDetectionMode.On)
        {
            return Fail(Sip2ErrorCode.ChecksumMissing, frame.Length, FieldId.Checksum, "Error detection is on and the message has no checksum.", command, sequence, false);
        }

        if (command is null)
        {
            return Fail(Sip2ErrorCode.InvalidCommandCode, 0, null, "A message starts with a two-digit command code.", null, sequence, hasChecksum);
        }

        if (descriptor is null)
        {
            return Fail(Sip2ErrorCode.UnknownCommand, 0, null, $"{(int)command.Value:00} is not a SIP2 2.00 command code.", command, sequence, hasChecksum);
        }

        var body = frame.Slice(0, end);
        if (strict && IndexOfControl(body) is var control and >= 0)
        {
            return Fail(Sip2ErrorCode.InvalidCharacter, control, null, "The message contains a control character.", command, sequence, hasChecksum);
        }

        var read = ReadBody(body, descriptor, options.Encoding, delimiter, strict, out var fixedTexts, out var fields, out var offsets);
        if (read is null && strict)
        {
            read = Validate(descriptor, fields, offsets, body.Length);
        }

        return read is null
            ? new Sip2ParseResult(Sip2Message.Create(command.Value, fixedTexts, fields), null, command, sequence, hasChecksum)
            : new Sip2ParseResult(null, read, command, sequence, hasChecksum);
    }

    // The fixed part and the variable fields, in both modes with the same walk. A fixed part that ends early at a field
    // boundary is filled with defaults in lenient mode; one cut inside a field is refused in both. Variable fields are
    // id + value + delimiter in any order; lenient mode skips empty segments, segments without a two-character id and
    // text after the last delimiter, and takes a last field without its delimiter; strict mode refuses all of those.
    private static Sip2ParseError? ReadBody(
        ReadOnlySpan<byte> body, Sip2MessageDescriptor descriptor, Encodings.Sip2Encoding encoding, byte delimiter, bool strict,
        out string[] fixedTexts, out List<Sip2Field> fields, out List<int> offsets)
    {
        var fixedFields = descriptor.FixedFields;
        fixedTexts = new string[fixedFields.Count];
        fields = new List<Sip2Field>();
        offsets = new List<int>();
        var fixedAvailable = Math.Min(body.Length - 2, descriptor.FixedLength);
        var delimiterInFixed = body.Slice(2, fixedAvailable).IndexOf(delimiter);
        if (delimiterInFixed >= 0)
        {
            return new(Sip2ErrorCode.TruncatedFixedPart, 2 + delimiterInFixed, null,
                $"The fixed part of a {descriptor.SpecName} message is {descriptor.FixedLength} characters; a field starts early.");
        }

        for (var i = 0; i < fixedFields.Count; i++)
        {
            var field = fixedFields[i];
            var available = fixedAvailable - field.Offset;
            if (available >= field.Length)
            {
                fixedTexts[i] = FieldText.Decode(encoding, body.Slice(2 + field.Offset, field.Length));
                if (strict && !FieldText.IsValid(field.Kind, fixedTexts[i], field.Length, isFixed: true))
                {
                    return new(Sip2ErrorCode.InvalidFixedField, 2 + field.Offset, null,
                        $"The fixed field '{field.SpecName}' is not a valid {field.Kind} of {field.Length} characters.");
                }
            }
            else if (available > 0 || strict)
            {
                return new(Sip2ErrorCode.TruncatedFixedPart, body.Length, null,
                    $"The fixed part of a {descriptor.SpecName} message is {descriptor.FixedLength} characters; it ends inside '{field.SpecName}'.");
            }
            else
            {
                fixedTexts[i] = field.DefaultText;
            }
        }

        var position = 2 + descriptor.FixedLength;
        while (position < body.Length)
        {
            var rest = body.Slice(position);
            var length = rest.IndexOf(delimiter);
            var terminated = length >= 0;
            length = terminated ? length : rest.Length;
            var segment = rest.Slice(0, length);
            if (segment.Length < 2 || !FieldId.TryCreate(segment[0], segment[1], out var id))
            {
                if (strict)
                {
                    return new(terminated ? Sip2ErrorCode.MalformedField : Sip2ErrorCode.TrailingData, position, null,
                        terminated ? "A field has no two-character id." : "Text follows the last field delimiter.");
                }
            }
            else if (strict && !terminated)
            {
                return new(Sip2ErrorCode.TrailingData, position, id, "The last field has no delimiter.");
            }
            else if (strict && (id == FieldId.SequenceNumber || id == FieldId.Checksum))
            {
                // AY and AZ are the trailer, never a field: taken for fields, an "AZ" that lenient mode verifies as a
                // checksum ("...|AZ1234|") would go unverified, and an "AY" field written last would read back as a
                // sequence number.
                return new(Sip2ErrorCode.MalformedField, position, id, $"{id} belongs to the trailer, at the end of the message.");
            }
            else
            {
                var value = FieldText.Decode(encoding, segment.Slice(2));
                if (strict && value.Length > MaxFieldLength)
                {
                    return new(Sip2ErrorCode.FieldTooLong, position, id, $"Field {id} is longer than {MaxFieldLength} characters.");
                }

                fields.Add(new Sip2Field(id, value));
                offsets.Add(position);
            }

            position += length + 1;
        }

        return null;
    }

    /// <summary>Reads one message from a possibly segmented frame.</summary>
    public static Sip2ParseResult Parse(in ReadOnlySequence<byte> frame, Sip2CodecOptions? options)
    {
        if (frame.IsSingleSegment)
        {
            return Parse(frame.First.Span, options);
        }

        var length = checked((int)frame.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            frame.CopyTo(rented);
            return Parse(rented.AsSpan(0, length), options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Reads one message, throwing <see cref="Sip2ParseException"/> when it cannot be read.</summary>
    public static Sip2Message ParseOrThrow(ReadOnlySpan<byte> frame, Sip2CodecOptions? options = null) =>
        Parse(frame, options).GetMessageOrThrow();

    // "AZ" + four hex digits at the end. Lenient mode also accepts a delimiter or spaces after it, but then only an AZ
    // that stands where a field may start (after a delimiter, after a trailer "AY" + digit that itself stands there, or
    // right after the fixed part): "AOinAZFD7c|" is a field whose value ends in "AZFD7c", as strict mode reads it.
    private static bool FindChecksum(ReadOnlySpan<byte> frame, byte delimiter, bool strict, int fieldsStart, out int azAt)
    {
        var checksumEnd = frame.Length;
        if (!strict)
        {
            while (checksumEnd > 0 && (frame[checksumEnd - 1] == delimiter || frame[checksumEnd - 1] == (byte)' '))
            {
                checksumEnd--;
            }
        }

        azAt = checksumEnd - 6;
        var found = azAt >= 2 && frame[azAt] == (byte)'A' && frame[azAt + 1] == (byte)'Z'
            && Sip2Checksum.TryParseHex(frame.Slice(azAt + 2, 4), out _);
        return found && (checksumEnd == frame.Length || StartsField(frame, azAt, delimiter, fieldsStart)
            || FindSequence(frame.Slice(0, azAt), delimiter, fieldsStart, out _, out _));
    }

    private static bool StartsField(ReadOnlySpan<byte> frame, int at, byte delimiter, int fieldsStart) =>
        at == fieldsStart || frame[at - 1] == delimiter;

    // "AY" + a digit at the end of what precedes AZ (or a delimiter after the digit: "|AY1|AZ..."), standing
    // where a field may start: after a delimiter or right after the fixed part. The boundary check keeps a
    // value that happens to end in "AY1" from being taken for a trailer.
    private static bool FindSequence(ReadOnlySpan<byte> text, byte delimiter, int fieldsStart, out int ayAt, out int digit)
    {
        var end = text.Length;
        if (end > 0 && text[end - 1] == delimiter)
        {
            end--;
        }

        ayAt = end - 3;
        digit = 0;
        if (ayAt < 2 || text[ayAt] != (byte)'A' || text[ayAt + 1] != (byte)'Y' || !IsDigit(text[ayAt + 2]))
        {
            return false;
        }

        if (!StartsField(text, ayAt, delimiter, fieldsStart))
        {
            return false;
        }

        digit = text[ayAt + 2] - '0';
        return true;
    }

    private static Sip2ParseError? Validate(Sip2MessageDescriptor descriptor, List<Sip2Field> fields, List<int> offsets, int end)
    {
        foreach (var known in descriptor.Fields)
        {
            var count = 0;
            for (var i = 0; i < fields.Count; i++)
            {
                if (fields[i].Id != known.Id)
                {
                    continue;
                }

                if (++count > 1 && !known.IsRepeatable)
                {
                    return new Sip2ParseError(Sip2ErrorCode.DuplicateField, offsets[i], known.Id, $"Field {known.Id} ({known.SpecName}) may appear once.");
                }

                if (!FieldText.IsValid(known.Kind, fields[i].Value, known.CodeLength, isFixed: false))
                {
                    return new Sip2ParseError(Sip2ErrorCode.InvalidFieldValue, offsets[i], known.Id, $"Field {known.Id} ({known.SpecName}) is not a valid {known.Kind}.");
                }
            }

            if (count == 0 && known.IsRequired)
            {
                return new Sip2ParseError(Sip2ErrorCode.MissingRequiredField, end, known.Id, $"Field {known.Id} ({known.SpecName}) is required.");
            }
        }

        return null;
    }

    private static int IndexOfControl(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] < 0x20 || bytes[i] == 0x7F)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsDigit(byte b) => b >= (byte)'0' && b <= (byte)'9';

    private static Sip2ParseResult Fail(Sip2ErrorCode code, int offset, FieldId? field, string text, Sip2Command? command, int? sequence, bool hasChecksum) =>
        new(null, new Sip2ParseError(code, offset, field, text), command, sequence, hasChecksum);
}
