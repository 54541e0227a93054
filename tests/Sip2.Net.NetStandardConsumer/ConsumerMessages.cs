using System;
using System.Net;
using Sip2.Net.Access;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.Server;

namespace Sip2.Net.NetStandardConsumer;

/// <summary>What a netstandard2.0 library does with Sip2.Net's records: object initializers, <c>with</c>, the codec.</summary>
public static class ConsumerMessages
{
    /// <summary>A checkout built with an object initializer and changed with <c>with</c>, written to the wire.</summary>
    public static string CheckoutWire()
    {
        var checkout = new CheckoutRequest
        {
            ScRenewalPolicy = true,
            TransactionDate = Sip2Timestamp.Local(new DateTime(2026, 12, 4, 10, 15, 0)),
            InstitutionId = "NORTH",
            PatronIdentifier = "P1",
            ItemIdentifier = "I1",
            TerminalPassword = "",
        };
        var changed = checkout with { ItemIdentifier = "I2" };
        var codec = new Sip2CodecOptions() with { Terminator = Sip2Terminator.Cr };
        return codec.Encoding.GetString(Sip2MessageWriter.ToBytes(changed, codec, Sip2Trailer.WithChecksum(3)));
    }

    /// <summary>Server options and a registration made with initializers and <c>with</c>.</summary>
    public static (Sip2ServerOptions Options, Sip2ClientRegistration Registration) Settings()
    {
        var options = new Sip2ServerOptions { LoginTimeout = TimeSpan.FromSeconds(30) } with { IdleTimeout = TimeSpan.FromMinutes(5) };
        var registration = new Sip2ClientRegistration { IPAddress = IPAddress.Loopback, InstitutionId = "NORTH", BranchId = "MAIN" } with { Description = "netstandard2.0 consumer" };
        return (options, registration);
    }
}
