using System.IO;
using System.Net;
using System.Net.Sockets;
using Sip2.Net.Cli;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.Testing.Conformance;
using Sip2.Net.Tests.Client;

namespace Sip2.Net.Tests.Cli;

/// <summary>`sip2 conformance`: its options, the table it prints, its exit codes. The battery itself is tested in Sip2.Net.Testing.Tests.</summary>
public sealed class ConformanceCommandTests
{
    private sealed record Run(int ExitCode, string Out, string Error);

    private static async Task<Run> RunAsync(string[] args, Func<string, string?>? environment = null, string input = "")
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = CliConsole.ForWriters(output, error, new StringReader(input)) with { GetEnvironmentVariable = environment ?? (_ => null) };
        var code = await Sip2Cli.RunAsync(args, console, CancellationToken.None);
        return new Run(code, output.ToString(), error.ToString());
    }

    private static string Port(Sip2TestServer server) => server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task List_names_every_check_with_its_rule_and_connects_to_nothing()
    {
        var run = await RunAsync(["conformance", "--list", "--host", "nothing.invalid"]);

        Assert.Equal(0, run.ExitCode);
        Assert.All(Sip2ConformanceSuite.Checks, c =>
        {
            Assert.Contains(c.Id, run.Out, StringComparison.Ordinal);
            Assert.Contains(c.Rule, run.Out, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_unknown_check_is_a_usage_error()
    {
        var run = await RunAsync(["conformance", "--check", "framing-cr", "--check", "no-such-check"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no-such-check", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("framing-cr", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_without_a_password_anywhere_is_a_usage_error()
    {
        var run = await RunAsync(["conformance", "-u", "kiosk", "--host", "127.0.0.1", "--port", "1"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("SIP2_PASSWORD", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passing_checks_print_a_table_and_the_closing_line_and_exit_zero()
    {
        await using var server = new Sip2TestServer();

        var run = await RunAsync(["--host", "127.0.0.1", "--port", Port(server), "-i", "main", "conformance", "--check", "framing-cr", "--check", "framing-two-in-one"]);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Matches(@"^check\s+rule\s+outcome\s+detail$", lines[0]);
        Assert.Matches(@"^framing-cr\s+2\.00 §1: a message ends with CR\s+pass\s+answered 98", lines[2]);
        Assert.StartsWith("framing-two-in-one", lines[3], StringComparison.Ordinal);
        Assert.Equal("2 passed, 0 failed", lines[^1]);
    }

    [Fact]
    public async Task A_failed_check_exits_one()
    {
        // Nothing listens on the port once the listener is stopped.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        listener.Stop();

        var run = await RunAsync(["--host", "127.0.0.1", "--port", port, "--connect-timeout", "2", "conformance", "--check", "framing-cr"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"framing-cr\s+.*FAIL\s+connection failed", run.Out);
        Assert.EndsWith("0 passed, 1 failed", run.Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_password_comes_from_SIP2_PASSWORD_and_is_never_printed()
    {
        await using var server = new Sip2TestServer();

        var run = await RunAsync(
            ["--host", "127.0.0.1", "--port", Port(server), "-u", "kiosk", "conformance", "--check", "login-accepted"],
            name => name == "SIP2_PASSWORD" ? "env-secret-42" : null);

        Assert.Equal(0, run.ExitCode);
        var login = server.Received.Select(b => Sip2MessageParser.Parse(b, server.Codec).Message).OfType<LoginRequest>().First();
        Assert.Equal(("kiosk", "env-secret-42"), (login.LoginUserId, login.LoginPassword));
        Assert.DoesNotContain("env-secret-42", run.Out + run.Error, StringComparison.Ordinal);
        Assert.EndsWith("1 passed, 0 failed", run.Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interactive_session_does_not_run_the_battery_on_its_connection()
    {
        await using var server = new Sip2TestServer();

        var run = await RunAsync(["--host", "127.0.0.1", "--port", Port(server), "interactive"], input: "conformance --check framing-cr\nquit\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("'conformance' is not available inside a session", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("passed", run.Out, StringComparison.Ordinal);
    }
}
