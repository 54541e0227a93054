using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sip2.Net.Server;

namespace Sip2.Net.TestSupport;

/// <summary>
/// <see cref="Sip2IPNetwork"/> against a bit-by-bit reference, compiled into the tests of the net8.0+ builds (where the
/// range is a System.Net.IPNetwork underneath) and of the netstandard2.0 build (which compares bytes itself).
/// </summary>
public sealed class IPNetworkProperties
{
    // A base address, a prefix, and a candidate that shares a chosen number of leading bits with the base, so that
    // both "inside" and "just outside" come up often.
    private static Gen<(byte[] Base, int Prefix, byte[] Candidate)> Cases() =>
        from length in Gen.Elements(4, 16)
        from baseBytes in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), length)
        from prefix in Gen.Choose(0, length * 8)
        from shared in Gen.Choose(0, length * 8)
        from noise in Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), length)
        select (baseBytes, prefix, Blend(baseBytes, noise, shared));

    private static byte[] Blend(byte[] baseBytes, byte[] noise, int sharedBits)
    {
        var result = (byte[])noise.Clone();
        for (var bit = 0; bit < sharedBits; bit++)
        {
            var mask = (byte)(0x80 >> (bit % 8));
            result[bit / 8] = (byte)((result[bit / 8] & ~mask) | (baseBytes[bit / 8] & mask));
        }

        return result;
    }

    private static bool Reference(byte[] baseBytes, int prefix, byte[] candidate)
    {
        for (var bit = 0; bit < prefix; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((baseBytes[bit / 8] & mask) != (candidate[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 500)]
    public Property Contains_is_a_match_of_the_first_prefix_bits() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var network = new Sip2IPNetwork(new IPAddress(c.Base), c.Prefix);
            return network.Contains(new IPAddress(c.Candidate)) == Reference(c.Base, c.Prefix, c.Candidate);
        });

    [Property(MaxTest = 200)]
    public Property The_text_form_parses_back_to_the_same_range() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var network = new Sip2IPNetwork(new IPAddress(c.Base), c.Prefix);
            return Sip2IPNetwork.Parse(network.ToString()) == network
                && Sip2IPNetwork.Parse(network.ToString()).Contains(new IPAddress(c.Candidate)) == network.Contains(new IPAddress(c.Candidate));
        });

    [Property(MaxTest = 200)]
    public Property An_IPv4_range_contains_the_IPv4_mapped_form_of_its_addresses() =>
        Prop.ForAll(Cases().Where(c => c.Base.Length == 4).ToArbitrary(), c =>
            new Sip2IPNetwork(new IPAddress(c.Base), c.Prefix).Contains(new IPAddress(c.Candidate).MapToIPv6())
                == Reference(c.Base, c.Prefix, c.Candidate));

#if !SIP2_NETSTANDARD_BUILD // the netstandard2.0 build has no IPNetwork to convert to
    [Property(MaxTest = 200)]
    public Property It_converts_to_and_from_IPNetwork_as_the_same_range() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var network = new Sip2IPNetwork(new IPAddress(c.Base), c.Prefix);
            var system = network.ToIPNetwork();
            Sip2IPNetwork back = system;
            return system.PrefixLength == c.Prefix && back.Contains(new IPAddress(c.Candidate)) == network.Contains(new IPAddress(c.Candidate));
        });
#endif
}
