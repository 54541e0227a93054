using Sip2.Net.Messages;
using Sip2.Net.Resolution;

namespace Sip2.Net.IntegrationTests;

/// <summary>
/// The server enforces the session's resolution scope before the back end runs, for every request that names a patron
/// or an item: out of scope is the message's failure response with the catalogue's text, and the back end's
/// transaction method is never called, even though this back end checks nothing itself.
/// </summary>
public class ResolutionEnforcementTests
{
    private const string Date = "20261128    101500";
    private const string Login = $"9300CN{TestServer.KioskA}|CO{TestServer.KioskAPassword}|AY0AZ";
    private static readonly string PatronOutOfScope = Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.PatronOutOfScope);
    private static readonly string ItemOutOfScope = Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.ItemOutOfScope);

    // Every back-end request, with PATRON and ITEM where it names them.
    public static TheoryData<Sip2Command, string> Requests => new()
    {
        { Sip2Command.PatronStatusRequest, $"23001{Date}AOalpha|AAPATRON|AC|AD|" },
        { Sip2Command.BlockPatron, $"01N{Date}AOalpha|ALcard lost|AAPATRON|AC|" },
        { Sip2Command.Checkout, $"11YN{Date}{new string(' ', 18)}AOalpha|AAPATRON|ABITEM|AC|" },
        { Sip2Command.Checkin, $"09N{Date}{Date}APdesk|AOalpha|ABITEM|AC|" },
        { Sip2Command.PatronInformation, $"63001{Date}Y         AOalpha|AAPATRON|" },
        { Sip2Command.EndPatronSession, $"35{Date}AOalpha|AAPATRON|" },
        { Sip2Command.FeePaid, $"37{Date}0100USDBV1.00|AOalpha|AAPATRON|" },
        { Sip2Command.ItemInformation, $"17{Date}AOalpha|ABITEM|" },
        { Sip2Command.ItemStatusUpdate, $"19{Date}AOalpha|ABITEM|AC|CHnew|" },
        { Sip2Command.PatronEnable, $"25{Date}AOalpha|AAPATRON|" },
        { Sip2Command.Hold, $"15+{Date}AOalpha|AAPATRON|ABITEM|" },
        { Sip2Command.Renew, $"29NN{Date}{new string(' ', 18)}AOalpha|AAPATRON|ABITEM|" },
        { Sip2Command.RenewAll, $"65{Date}AOalpha|AAPATRON|" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_request_for_another_institutions_patron_or_item_is_refused_without_the_back_end(Sip2Command command, string template)
    {
        await using var server = await TestServer.StartAsync();
        using var kiosk = await LoggedInAsync(server);
        var descriptor = Sip2MessageTable.Get(command);

        if (template.Contains("PATRON", StringComparison.Ordinal))
        {
            var answer = await AskAsync(kiosk, template.Replace("PATRON", CountingBackend.Outsider, StringComparison.Ordinal).Replace("ITEM", "3900001", StringComparison.Ordinal));
            Assert.StartsWith(Code(descriptor.ResponseCommand), answer, StringComparison.Ordinal);
            Assert.Contains("AF" + PatronOutOfScope + "|", answer, StringComparison.Ordinal);
        }

        if (template.Contains("ITEM", StringComparison.Ordinal))
        {
            var answer = await AskAsync(kiosk, template.Replace("PATRON", "p1", StringComparison.Ordinal).Replace("ITEM", CountingBackend.Outsider, StringComparison.Ordinal));
            Assert.StartsWith(Code(descriptor.ResponseCommand), answer, StringComparison.Ordinal);
            Assert.Contains("AF" + ItemOutOfScope + "|", answer, StringComparison.Ordinal);
        }

        Assert.Equal(0, server.Backend.CallsOf(command));

        // The same request for the session's own patron and item runs.
        var own = await AskAsync(kiosk, template.Replace("PATRON", "p1", StringComparison.Ordinal).Replace("ITEM", "3900001", StringComparison.Ordinal));
        Assert.StartsWith(Code(descriptor.ResponseCommand), own, StringComparison.Ordinal);
        Assert.Equal(1, server.Backend.CallsOf(command));
    }

    private static string Code(Sip2Command? command) => ((int)command!.Value).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<RawKiosk> LoggedInAsync(TestServer server)
    {
        var kiosk = await server.RawAsync();
        await kiosk.SendAsync(ReplayTests.WithChecksum(Login) + "\r");
        Assert.StartsWith("941", await kiosk.ReceiveAsync(), StringComparison.Ordinal);
        return kiosk;
    }

    private static int sequence;

    private static async Task<string> AskAsync(RawKiosk kiosk, string request)
    {
        await kiosk.SendAsync(ReplayTests.WithChecksum(request + $"AY{Interlocked.Increment(ref sequence) % 10}AZ") + "\r");
        return await kiosk.ReceiveAsync();
    }
}
