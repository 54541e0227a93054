using Sip2.Net.Encodings;

namespace Sip2.Net.IntegrationTests;

public class SecretTests
{
    private const string LoginPassword = "alpha-secret";
    private const string Pin = "9876-pin";
    private const string TerminalPassword = "terminal-pass-42";

    [Fact]
    public async Task No_log_line_at_any_level_ever_contains_a_password_pin_or_terminal_password()
    {
        await using var server = await TestServer.StartAsync();
        using (var kiosk = await server.RawAsync())
        {
            await kiosk.SendAsync($"9300CNkiosk-a|CO{LoginPassword}|\r");
            await kiosk.ReceiveAsync();
            await kiosk.SendAsync($"6300120240417    083058Y         AOalpha|AAp1|AC{TerminalPassword}|AD{Pin}|\r");
            await kiosk.ReceiveAsync();
            await kiosk.SendAsync($"11YN20240417    083058                  AOalpha|AAp1|AB3900001|AC{TerminalPassword}|AD{Pin}|\r");
            await kiosk.ReceiveAsync();
            await kiosk.SendAsync($"11YN20240417    083058                  AOalpha|AAboom|AB3900001|AC{TerminalPassword}|AD{Pin}|\r");
            await kiosk.ReceiveAsync();
            await kiosk.SendAsync($"9300CNkiosk-a|CO{LoginPassword}|AY1AZ0000\r"); // failed checksum with a password in it
            await kiosk.ReceiveAsync();
            await kiosk.SendAsync($"9300CNkiosk-a|CO{Pin}|\r"); // a wrong password is a secret too
            await kiosk.ReceiveAsync();
        }

        await server.Server.StopAsync();
        var lines = server.Logs.Lines;

        Assert.Contains(lines, l => l.StartsWith("Trace 1013", StringComparison.Ordinal)); // the wire trace was on
        Assert.Contains(lines, l => l.Contains("CO***", StringComparison.Ordinal));
        foreach (var secret in new[] { LoginPassword, Pin, TerminalPassword })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}
