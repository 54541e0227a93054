using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Cli;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.Tests.Client;

namespace Sip2.Net.Tests.Cli;

public sealed class Sip2CliTests
{
    private sealed record Run(int ExitCode, string Out, string Error);

    private static async Task<Run> RunAsync(Sip2TestServer? server, string[] args, Func<CliConsole, CliConsole>? configure = null, string input = "")
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = CliConsole.ForWriters(output, error, new StringReader(input));
        console = configure?.Invoke(console) ?? console;
        string[] connection = server is null ? [] : ["--host", "127.0.0.1", "--port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--institution", "main"];
        if (server is not null && !args.Contains("--timeout"))
        {
            connection = [.. connection, "--timeout", "5"];
        }

        var code = await Sip2Cli.RunAsync([.. args, .. connection], console, CancellationToken.None);
        return new Run(code, output.ToString(), error.ToString());
    }

    private static Sip2Message Request(Sip2TestServer server, int index = 0) =>
        Sip2MessageParser.Parse(server.Received.ElementAt(index), server.Codec).GetMessageOrThrow();

    [Fact]
    public async Task Status_prints_the_decoded_response_as_readable_fields()
    {
        await using var server = new Sip2TestServer();

        var run = await RunAsync(server, ["status"]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("ACS Status (98)", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"on-line status\s+Y", run.Out);
        Assert.Matches(@"AO institution id\s+main", run.Out);
        Assert.Matches(@"AM library name\s+Test Library", run.Out);
    }

    [Fact]
    public async Task Json_output_has_the_command_fixed_fields_and_variable_fields()
    {
        await using var server = new Sip2TestServer();

        var run = await RunAsync(server, ["status", "--json"]);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("98", json.RootElement.GetProperty("command").GetString());
        Assert.Equal("Y", json.RootElement.GetProperty("fixed").GetProperty("OnlineStatus").GetString());
        var fields = json.RootElement.GetProperty("fields").EnumerateArray().ToList();
        Assert.Contains(fields, f => f.GetProperty("id").GetString() == "AO" && f.GetProperty("value").GetString() == "main"
            && f.GetProperty("name").GetString() == "institution id");
    }

    [Fact]
    public async Task Patron_asks_for_a_summary_page_and_prints_the_items()
    {
        await using var server = new Sip2TestServer();

        var run = await RunAsync(server, ["patron", "P1", "--summary", "charged", "--start", "1", "--end", "2", "--pin", "9999", "--json"]);

        Assert.Equal(0, run.ExitCode);
        var request = (PatronInformationRequest)Request(server);
        Assert.Equal((PatronSummary.ChargedItems, 1, 2, "9999"), (request.Summary, request.StartItem, request.EndItem, request.PatronPassword));
        using var json = JsonDocument.Parse(run.Out);
        var charged = json.RootElement.GetProperty("fields").EnumerateArray()
            .Where(f => f.GetProperty("id").GetString() == "AU").Select(f => f.GetProperty("value").GetString());
        Assert.Equal(["item1", "item2"], charged);
    }

    public static TheoryData<string[], Sip2Command> OneShotCommands => new()
    {
        { ["status"], Sip2Command.ScStatus },
        { ["patron", "P1"], Sip2Command.PatronInformation },
        { ["patron-status", "P1"], Sip2Command.PatronStatusRequest },
        { ["checkout", "P1", "I1"], Sip2Command.Checkout },
        { ["checkin", "I1"], Sip2Command.Checkin },
        { ["renew", "P1", "I1"], Sip2Command.Renew },
        { ["renew-all", "P1"], Sip2Command.RenewAll },
        { ["fee-paid", "P1", "2.50", "--currency", "EUR"], Sip2Command.FeePaid },
        { ["hold", "P1", "--item", "I1", "--mode", "delete"], Sip2Command.Hold },
        { ["item", "I1"], Sip2Command.ItemInformation },
        { ["item-status", "I1", "shelf 2"], Sip2Command.ItemStatusUpdate },
        { ["block", "P1", "--card-retained"], Sip2Command.BlockPatron },
        { ["enable", "P1"], Sip2Command.PatronEnable },
        { ["end-session", "P1"], Sip2Command.EndPatronSession },
    };

    [Theory]
    [MemberData(nameof(OneShotCommands))]
    public async Task Every_request_has_a_one_shot_command(string[] args, Sip2Command sent)
    {
        await using var server = new Sip2TestServer();

        var run = await RunAsync(server, args);

        Assert.Equal(0, run.ExitCode);
        var request = Request(server);
        Assert.Equal(sent, request.Command);
        var expected = Sip2MessageTable.Get(request.Descriptor.ResponseCommand!.Value).SpecName;
        Assert.StartsWith(expected, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fee_ack_sends_BO_Y_with_the_checkout_and_nothing_without_it()
    {
        await using var server = new Sip2TestServer();
        Assert.Equal(0, (await RunAsync(server, ["checkout", "P1", "I1", "--fee-ack"])).ExitCode);
        Assert.Equal(0, (await RunAsync(server, ["checkout", "P1", "I1"])).ExitCode);

        Assert.Equal("Y", Request(server, 0).GetField(FieldId.FeeAcknowledged));
        Assert.Null(Request(server, 1).GetField(FieldId.FeeAcknowledged));
    }

    [Fact]
    public async Task The_local_address_option_connects_from_that_address_or_refuses_what_is_not_one()
    {
        await using var server = new Sip2TestServer();
        Assert.Equal(0, (await RunAsync(server, ["status", "--local-address", "127.0.0.2"])).ExitCode);

        var bad = await RunAsync(server, ["status", "--local-address", "kiosk-7"]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--local-address", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_checkout_exits_with_6()
    {
        await using var server = new Sip2TestServer();

        var run = await RunAsync(server, ["checkout", "P1", "refused"]);

        Assert.Equal(6, run.ExitCode);
        Assert.Contains("Item cannot be checked out", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_login_exits_with_5()
    {
        await using var server = new Sip2TestServer();

        var run = await RunAsync(server, ["status", "--login-id", "kiosk", "--password", "wrong"]);

        Assert.Equal(5, run.ExitCode);
        Assert.DoesNotContain("wrong", run.Error, StringComparison.Ordinal);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task The_password_comes_from_the_environment_variable()
    {
        await using var server = new Sip2TestServer();

        var run = await RunAsync(server, ["login", "--login-id", "kiosk"],
            c => c with { GetEnvironmentVariable = name => name == "SIP2_PASSWORD" ? "env-secret" : null });

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("env-secret", ((LoginRequest)Request(server)).LoginPassword);
    }

    [Fact]
    public async Task Without_a_password_the_tool_prompts_and_never_prints_it()
    {
        await using var server = new Sip2TestServer();
        var prompts = new List<string>();

        var run = await RunAsync(server, ["status", "--login-id", "kiosk", "--wire"],
            c => c with { ReadSecret = prompt => { prompts.Add(prompt); return "typed-secret"; } });

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Password for kiosk: "], prompts);
        Assert.Equal("typed-secret", ((LoginRequest)Request(server)).LoginPassword);
        Assert.DoesNotContain("typed-secret", run.Out + run.Error, StringComparison.Ordinal);
        Assert.Contains("CO***", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wire_shows_the_messages_sent_and_received()
    {
        await using var server = new Sip2TestServer();

        var run = await RunAsync(server, ["item", "I1", "--wire"]);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Matches(@"^> 17.{18}AOmain\|ABI1\|AY0AZ[0-9A-F]{4}$", lines[0]);
        Assert.Matches(@"^< 18.*AY0AZ[0-9A-F]{4}$", lines[1]);
        Assert.StartsWith("Item Information Response (18)", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_and_wire_keep_stdout_valid_json()
    {
        await using var server = new Sip2TestServer();

        var run = await RunAsync(server, ["status", "--json", "--wire"]);

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("98", json.RootElement.GetProperty("command").GetString());
        Assert.StartsWith("> 99", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_sends_the_message_as_written_and_adds_a_trailer_on_request()
    {
        await using var server = new Sip2TestServer();

        var run = await RunAsync(server, ["raw", "9900302.00", "--add-trailer", "--json"]);

        Assert.Equal(0, run.ExitCode);
        var sent = Sip2MessageParser.Parse(server.Received.Single(), server.Codec);
        Assert.True(sent.HasChecksum);
        Assert.Equal(0, sent.SequenceNumber);
        using var json = JsonDocument.Parse(run.Out);
        Assert.StartsWith("98", json.RootElement.GetProperty("raw").GetString(), StringComparison.Ordinal);
        Assert.Equal("98", json.RootElement.GetProperty("command").GetString());
    }

    [Fact]
    public async Task An_unreadable_response_exits_with_4()
    {
        await using var server = new Sip2TestServer { RawResponder = _ => "nonsense" };

        var run = await RunAsync(server, ["status", "--error-detection", "off"]);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("could not be read", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_exits_with_3()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var run = await RunAsync(null, ["status", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("sip2: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_with_insecure_accepts_a_test_certificate_and_without_it_exits_with_3()
    {
        await using var server = new Sip2TestServer(Sip2TestServer.CreateCertificate());

        var accepted = await RunAsync(server, ["status", "--tls", "--insecure"]);
        var rejected = await RunAsync(server, ["status", "--tls", "--tls-host", "localhost"]);

        Assert.Equal(0, accepted.ExitCode);
        Assert.Equal(3, rejected.ExitCode);
        Assert.Contains("TLS", rejected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_exits_with_0_and_lists_the_commands()
    {
        var run = await RunAsync(null, ["--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("checkout <patron> <item>", run.Out, StringComparison.Ordinal);
        Assert.Contains("load", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_timeout_exits_with_3()
    {
        await using var server = new Sip2TestServer { Stall = true };

        var run = await RunAsync(server, ["status", "--timeout", "0.2"]);

        Assert.Equal(3, run.ExitCode);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("checkout", "P1")]
    [InlineData("status", "--encoding", "ebcdic")]
    [InlineData("fee-paid", "P1", "lots")]
    public async Task Usage_errors_exit_with_2(params string[] args)
    {
        await using var server = new Sip2TestServer();

        var run = await RunAsync(server, args);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }

    [Fact]
    public async Task Interactive_runs_several_commands_on_one_connection()
    {
        await using var server = new Sip2TestServer();

        var run = await RunAsync(server, ["interactive", "--login-id", "kiosk", "--password", "pw"], input: "status\npatron P7 --json\nload\nquit\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ACS Status (98)", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"command\": \"64\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("not available inside a session", run.Error, StringComparison.Ordinal);
        var sequences = server.Received.Select(f => Sip2MessageParser.Parse(f, server.Codec).SequenceNumber).ToList();
        Assert.Equal([0, 1, 2], sequences.Select(s => s!.Value)); // login, status, patron: one connection, one sequence
    }

    [Fact]
    public async Task Load_sends_the_requested_count_and_reports_latency_percentiles()
    {
        await using var server = new Sip2TestServer();

        var run = await RunAsync(server, ["load", "--connections", "3", "--count", "60", "--duration", "30", "--progress", "0", "--mix", "status=1,checkout=2,item=1"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(60, server.Received.Count);
        Assert.Matches(@"requests\s+60", run.Out);
        Assert.Matches(@"errors\s+0", run.Out);
        Assert.Matches(@"latency p99\.9\s+\d+\.\d+ ms", run.Out);
        Assert.All(server.Received, f => Assert.Contains(Sip2MessageParser.Parse(f, server.Codec).Command,
            new Sip2Command?[] { Sip2Command.ScStatus, Sip2Command.Checkout, Sip2Command.ItemInformation }));
    }

    [Fact]
    public async Task Load_in_json_counts_errors_and_exits_with_4()
    {
        await using var server = new Sip2TestServer { RawResponder = text => text.StartsWith("17", StringComparison.Ordinal) ? "garbage" : null };

        var run = await RunAsync(server, ["load", "-c", "1", "-n", "10", "--progress", "0", "--mix", "item", "--json"]);

        Assert.Equal(4, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(10, json.RootElement.GetProperty("errors").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("requests").GetInt32());
    }

    [Fact]
    public async Task Load_prompts_for_the_password_once_for_all_connections()
    {
        await using var server = new Sip2TestServer();
        var prompts = 0;

        var run = await RunAsync(server, ["load", "-c", "4", "-n", "8", "--progress", "0", "--mix", "status", "-u", "kiosk"],
            c => c with { ReadSecret = _ => { Interlocked.Increment(ref prompts); return "pw"; } });

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, prompts);
        Assert.Equal(4, server.ReceivedText.Count(t => t.StartsWith("93", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Load_with_a_refused_login_exits_with_5()
    {
        await using var server = new Sip2TestServer();

        var run = await RunAsync(server, ["load", "-c", "2", "-n", "4", "--progress", "0", "-u", "kiosk", "--password", "wrong"]);

        Assert.Equal(5, run.ExitCode);
        Assert.Matches(@"connections\s+0/2", run.Out);
    }

    [Fact]
    public async Task Load_rejects_unbounded_or_unknown_settings()
    {
        await using var server = new Sip2TestServer();

        Assert.Equal(2, (await RunAsync(server, ["load", "--duration", "0"])).ExitCode);
        Assert.Equal(2, (await RunAsync(server, ["load", "--connections", "5000"])).ExitCode);
        Assert.Equal(2, (await RunAsync(server, ["load", "--mix", "teleport=1"])).ExitCode);
        Assert.Empty(server.Received);
    }
}
