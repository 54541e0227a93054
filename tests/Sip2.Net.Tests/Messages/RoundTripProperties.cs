using System.Collections;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.Testing;

namespace Sip2.Net.Tests.Messages;

public class RoundTripProperties
{
    public static TheoryData<Sip2Command, string> MessagesAndEncodings()
    {
        var data = new TheoryData<Sip2Command, string>();
        foreach (var descriptor in Sip2MessageTable.All)
        {
            data.Add(descriptor.Command, "IBM850");
            data.Add(descriptor.Command, "UTF-8");
            data.Add(descriptor.Command, "ASCII");
        }

        return data;
    }

    // For every message type and every encoding: a message built through its typed properties, with
    // arbitrary values and unknown fields, formats to bytes that parse back to an equal message whose
    // properties read the values that were set; and those bytes format back to themselves.
    [Theory]
    [MemberData(nameof(MessagesAndEncodings))]
    public void Typed_values_survive_format_and_parse(Sip2Command command, string encodingName)
    {
        Sip2Encoding.TryGet(encodingName, out var encoding);
        var options = new Sip2CodecOptions { Encoding = encoding };
        var descriptor = Sip2MessageTable.Get(command);

        Prop.ForAll(Generated(descriptor, encoding).ToArbitrary(), generated =>
        {
            var (message, values) = generated;
            foreach (var sequence in new int?[] { null, 7 })
            {
                var trailer = sequence is null ? Sip2Trailer.None : Sip2Trailer.WithChecksum(sequence);
                var bytes = Sip2MessageWriter.ToBytes(message, options, trailer);
                var frame = bytes.AsSpan(0, bytes.Length - 1);
                var result = Sip2MessageParser.Parse(frame, options with { ErrorDetection = sequence is null ? Sip2ErrorDetectionMode.Auto : Sip2ErrorDetectionMode.On });

                Assert.True(result.IsSuccess, result.Error?.ToString());
                Assert.Equal(message, result.Message);
                var resend = command is Sip2Command.RequestAcsResend or Sip2Command.RequestScResend;
                Assert.Equal(resend ? null : sequence, result.SequenceNumber); // 96 and 97 never carry AY
                foreach (var (name, value) in values)
                {
                    var read = descriptor.MessageType.GetProperty(name)!.GetValue(result.Message);
                    if (value is IEnumerable list and not string)
                    {
                        Assert.Equal(list.Cast<object>(), ((IEnumerable)read!).Cast<object>());
                    }
                    else if (value is null && read is string s)
                    {
                        Assert.Equal("", s); // a required text field left unset reads as empty
                    }
                    else
                    {
                        Assert.Equal(value, read);
                    }
                }

                Assert.Equal(bytes, Sip2MessageWriter.ToBytes(result.Message!, options, trailer));
            }
        }).QuickCheckThrowOnFailure();
    }

    // The package's values for every property, set here through the record's own setters, so the test states what
    // was set independently of how the package builds its messages.
    private static Gen<(Sip2Message Message, IReadOnlyDictionary<string, object?> Values)> Generated(Sip2MessageDescriptor descriptor, Sip2Encoding encoding) =>
        from values in Sip2Generators.PropertyValues(descriptor, encoding)
        from count in Gen.Choose(0, 3)
        from unknown in Gen.ListOf(Sip2Generators.UnknownField(encoding), count)
        select (Build(descriptor, values, unknown), values);

    private static Sip2Message Build(Sip2MessageDescriptor descriptor, IReadOnlyDictionary<string, object?> values, IEnumerable<Sip2Field> unknown)
    {
        var message = (Sip2Message)Activator.CreateInstance(descriptor.MessageType)!;
        foreach (var (name, value) in values)
        {
            descriptor.MessageType.GetProperty(name)!.SetValue(message, value);
        }

        foreach (var field in unknown)
        {
            message = message.WithFieldValues(field.Id, message.GetFields(field.Id).Append(field.Value).ToArray());
        }

        return message;
    }

    [Property(MaxTest = 500)]
    public Property Arbitrary_bytes_never_throw(byte[] bytes, bool strict, int detection) =>
        Prop.ToProperty(() =>
        {
            var options = new Sip2CodecOptions
            {
                ParseMode = strict ? Sip2ParseMode.Strict : Sip2ParseMode.Lenient,
                ErrorDetection = (Sip2ErrorDetectionMode)(Math.Abs(detection % 3)),
            };
            var result = Sip2MessageParser.Parse(bytes, options);
            Assert.True(result.IsSuccess ^ result.Error is not null);
            if (result.Message is { } message)
            {
                _ = message.ToString();
                _ = Sip2MessageWriter.ToBytes(message, options);
            }
        });

    [Property(MaxTest = 500)]
    public Property Mutated_valid_messages_never_throw()
    {
        var vectors = GoldenVectorTests.Vectors.Values.Select(v => Sip2Encoding.Ibm850.GetBytes(v.Wire)).ToArray();
        var gen =
            from frame in Gen.Elements(vectors)
            from edits in Gen.ListOf(Gen.Zip(Gen.Choose(0, frame.Length), Gen.Choose(0, 255)), 5)
            from cut in Gen.Choose(0, frame.Length)
            select Mutate(frame, edits, cut);

        return Prop.ForAll(gen.ToArbitrary(), mutated =>
        {
            foreach (var mode in new[] { Sip2ParseMode.Lenient, Sip2ParseMode.Strict })
            {
                var result = Sip2MessageParser.Parse(mutated, new Sip2CodecOptions { ParseMode = mode, ErrorDetection = Sip2ErrorDetectionMode.Off });
                Assert.True(result.IsSuccess ^ result.Error is not null);
            }
        });
    }

    private static byte[] Mutate(byte[] frame, IEnumerable<(int Position, int Value)> edits, int cut)
    {
        var copy = frame.ToList();
        foreach (var (position, value) in edits)
        {
            if (position < copy.Count)
            {
                copy[position] = (byte)value;
            }
            else
            {
                copy.Add((byte)value);
            }
        }

        return copy.Take(Math.Max(cut, 1)).ToArray();
    }
}
