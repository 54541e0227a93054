using System.Net;
using Sip2.Net.NetStandardConsumer;

namespace Sip2.Net.Tests.Compatibility;

/// <summary>
/// A library compiled against the netstandard2.0 build, run here next to the net8.0/net10.0 build: its init-only setter
/// calls name IsExternalInit, which these builds forward to the runtime's own type so that the calls still bind.
/// </summary>
public sealed class NetStandardConsumerTests
{
    [Fact]
    public void Its_object_initializers_and_with_expressions_on_messages_run()
    {
        // No due date (NB, 18 spaces), the item changed by `with`, sequence 3 and a checksum of 4 hex digits.
        Assert.Matches(@"^11YN20261204    101500 {18}AONORTH\|AAP1\|ABI2\|AC\|AY3AZ[0-9A-F]{4}\r$", ConsumerMessages.CheckoutWire());
    }

    [Fact]
    public void Its_object_initializers_and_with_expressions_on_options_and_registrations_run()
    {
        var (options, registration) = ConsumerMessages.Settings();
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)), (options.LoginTimeout, options.IdleTimeout));
        Assert.Equal((IPAddress.Loopback, "netstandard2.0 consumer"), (registration.IPAddress, registration.Description));
    }
}
