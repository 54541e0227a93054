using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Client;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Cli;

/// <summary>
/// The <c>sip2</c> tool. Every run builds its own command tree, so the commands can share one connection in
/// an interactive session, and tests can run the tool in-process against a test server.
/// </summary>
internal sealed partial class Sip2Cli
{
    private const string PasswordVariable = "SIP2_PASSWORD";
    private const string TerminalPasswordVariable = "SIP2_TERMINAL_PASSWORD";

    private readonly CliConsole console;

    // Connection options: recursive, so they go before or after the command name.
    private readonly Option<string> host = new("--host") { Description = "ACS host name or address", DefaultValueFactory = _ => "localhost", Recursive = true };
    private readonly Option<int> port = new("--port", "-p") { Description = "ACS TCP port", DefaultValueFactory = _ => 6001, Recursive = true };
    private readonly Option<string?> localAddress = new("--local-address") { Description = "Local address to connect from (the ACS admits kiosks by address)", Recursive = true };
    private readonly Option<bool> tls = new("--tls") { Description = "Connect with TLS", Recursive = true };
    private readonly Option<string?> tlsHost = new("--tls-host") { Description = "Name the server certificate must carry (default: the host)", Recursive = true };
    private readonly Option<bool> insecure = new("--insecure") { Description = "Accept any server certificate (testing only)", Recursive = true };
    private readonly Option<string?> loginId = new("--login-id", "-u") { Description = "Log in (93) with this user id before the request", Recursive = true };
    private readonly Option<string?> password = new("--password") { Description = $"Login password; prefer ${PasswordVariable}, or be prompted", Recursive = true };
    private readonly Option<string?> terminalPassword = new("--terminal-password") { Description = $"Terminal password (AC); or ${TerminalPasswordVariable}", Recursive = true };
    private readonly Option<string> institution = new("--institution", "-i") { Description = "Institution id (AO)", DefaultValueFactory = _ => "", Recursive = true };
    private readonly Option<string?> location = new("--location") { Description = "Location code (CP in login, AP in checkin)", Recursive = true };
    private readonly Option<string> encoding = new("--encoding") { Description = "Character encoding: ibm850, utf8 or ascii", DefaultValueFactory = _ => "ibm850", Recursive = true };
    private readonly Option<string> errorDetection = new("--error-detection") { Description = "Sequence numbers and checksums: on or off", DefaultValueFactory = _ => "on", Recursive = true };
    private readonly Option<string> terminator = new("--terminator") { Description = "Request terminator: cr or crlf", DefaultValueFactory = _ => "cr", Recursive = true };
    private readonly Option<double> timeout = new("--timeout") { Description = "Seconds to wait for each response", DefaultValueFactory = _ => 30, Recursive = true };
    private readonly Option<double> connectTimeout = new("--connect-timeout") { Description = "Seconds to wait for the connection", DefaultValueFactory = _ => 10, Recursive = true };
    private readonly Option<int> retries = new("--retries") { Description = "Resends (96/97) allowed per request", DefaultValueFactory = _ => 3, Recursive = true };
    private readonly Option<bool> json = new("--json") { Description = "Print the response as JSON", Recursive = true };
    private readonly Option<bool> wire = new("--wire") { Description = "Show the raw messages sent and received (passwords masked)", Recursive = true };

    private Sip2Client? session;
    private TextWriter? wireWriter;
    private bool sessionWire;
    private string? loginPassword;

    private Sip2Cli(CliConsole console)
    {
        this.console = console;
        encoding.AcceptOnlyFromAmong("ibm850", "utf8", "utf-8", "ascii");
        errorDetection.AcceptOnlyFromAmong("on", "off");
        terminator.AcceptOnlyFromAmong("cr", "crlf");
        Root = BuildRoot();
    }

    private RootCommand Root { get; }

    /// <summary>Runs the tool with the given arguments; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, CliConsole.ForWriters(stdout, stderr), cancellationToken);

    /// <summary>Runs the tool on a console; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default) =>
        new Sip2Cli(console).InvokeAsync(args, cancellationToken);

    private async Task<int> InvokeAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var result = Root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                await console.Error.WriteLineAsync(error.Message);
            }

            await console.Error.WriteLineAsync("Run 'sip2 --help' for usage.");
            return ExitCodes.Usage;
        }

        return await result.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken);
    }

    /// <summary>
    /// Runs one request: on the session's connection in interactive mode, otherwise on a new connection
    /// (with a login first when a login id is given). Maps failures to exit codes.
    /// </summary>
    private async Task<int> WithClientAsync(ParseResult parse, Func<Sip2Client, Task<int>> run, CancellationToken cancellationToken)
    {
        var asJson = parse.GetValue(json);
        wireWriter = parse.GetValue(wire) || sessionWire ? (asJson ? console.Error : console.Out) : null;
        try
        {
            if (session is not null)
            {
                return await run(session);
            }

            var options = BuildOptions(parse);
            if (options is null)
            {
                return ExitCodes.Usage;
            }

            await using var client = new Sip2Client(options);
            await ConnectAndLoginAsync(client, parse, cancellationToken);
            return await run(client);
        }
        catch (Exception e) when (ExitCodeOf(e) is { } code)
        {
            await console.Error.WriteLineAsync($"sip2: {e.Message}");
            return code;
        }
    }

    internal static int? ExitCodeOf(Exception e) => e switch
    {
        Sip2LoginRefusedException => ExitCodes.LoginRefused,
        Sip2ConnectionException or Sip2TimeoutException => ExitCodes.Connection,
        Sip2ProtocolException => ExitCodes.Protocol,
        OperationCanceledException => ExitCodes.Cancelled,
        ArgumentException => ExitCodes.Usage,
        _ => null,
    };

    internal Sip2ClientOptions? BuildOptions(ParseResult parse)
    {
        if (!Sip2Encoding.TryGet(parse.GetValue(encoding), out var textEncoding))
        {
            console.Error.WriteLine("sip2: unknown encoding.");
            return null;
        }

        System.Net.IPAddress? from = null;
        if (parse.GetValue(localAddress) is { Length: > 0 } text && !System.Net.IPAddress.TryParse(text, out from))
        {
            console.Error.WriteLine("sip2: --local-address is not an IP address.");
            return null;
        }

        var acceptAny = parse.GetValue(insecure);
        return new Sip2ClientOptions
        {
            Host = parse.GetValue(host) ?? "",
            Port = parse.GetValue(port),
            LocalAddress = from,
            UseTls = parse.GetValue(tls),
            TlsTargetHost = parse.GetValue(tlsHost),
#pragma warning disable CA5359 // --insecure is an explicit, documented choice for test servers with throwaway certificates.
            RemoteCertificateValidationCallback = acceptAny ? (_, _, _, _) => true : null,
#pragma warning restore CA5359
            ConnectTimeout = Seconds(parse.GetValue(connectTimeout)),
            ResponseTimeout = Seconds(parse.GetValue(timeout)),
            RetryBudget = parse.GetValue(retries),
            ErrorDetection = parse.GetValue(errorDetection) != "off",
            Encoding = textEncoding,
            Terminator = parse.GetValue(terminator) == "crlf" ? Sip2Terminator.CrLf : Sip2Terminator.Cr,
            InstitutionId = parse.GetValue(institution) ?? "",
            TerminalPassword = parse.GetValue(terminalPassword) ?? console.GetEnvironmentVariable(TerminalPasswordVariable),
            LocationCode = parse.GetValue(location),
            WireObserver = ShowWire,
        };
    }

    private static TimeSpan Seconds(double seconds) =>
        seconds > 0 ? TimeSpan.FromSeconds(seconds) : throw new ArgumentException("Timeouts are a positive number of seconds.");

    internal async Task ConnectAndLoginAsync(Sip2Client client, ParseResult parse, CancellationToken cancellationToken)
    {
        await client.ConnectAsync(cancellationToken);
        if (parse.GetValue(loginId) is { Length: > 0 } user)
        {
            await client.LoginAsync(user, LoginPassword(parse, user), cancellationToken: cancellationToken);
        }
    }

    // Asked for once per run, however many connections log in with it.
    private string LoginPassword(ParseResult parse, string user)
    {
        lock (console)
        {
            return loginPassword ??= parse.GetValue(password)
                ?? console.GetEnvironmentVariable(PasswordVariable)
                ?? console.ReadSecret($"Password for {user}: ")
                ?? throw new ArgumentException($"A login needs a password: --password, ${PasswordVariable}, or a terminal to prompt on.");
        }
    }

    private void ShowWire(Sip2WireDirection direction, string text) =>
        wireWriter?.WriteLine($"{(direction == Sip2WireDirection.Sent ? ">" : "<")} {text}");

    /// <summary>Prints a response and turns "refused" (ok = 0 and the like) into exit code 6.</summary>
    private int Print<T>(ParseResult parse, T response, Func<T, bool>? refused = null)
        where T : Sip2Message
    {
        if (parse.GetValue(json))
        {
            ResponsePrinter.WriteJson(console.Out, response);
        }
        else
        {
            ResponsePrinter.WriteText(console.Out, response);
        }

        return refused?.Invoke(response) == true ? ExitCodes.Refused : ExitCodes.Ok;
    }

    private Command Request<T>(string name, string description, Func<Sip2Client, ParseResult, CancellationToken, Task<T>> send, Func<T, bool>? refused, params Symbol[] symbols)
        where T : Sip2Message
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
            }
        }

        command.SetAction((parse, cancellationToken) =>
            WithClientAsync(parse, async client => Print(parse, await send(client, parse, cancellationToken), refused), cancellationToken));
        return command;
    }

    private static Argument<string> Arg(string name, string description) => new(name) { Description = description };

    private static Option<string?> Pin() => new("--pin") { Description = "Patron password or PIN (AD)" };

    private static string Value(ParseResult parse, Argument<string> argument) => parse.GetValue(argument) ?? "";

    private static decimal ParseAmount(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount >= 0
            ? amount
            : throw new ArgumentException($"'{text}' is not an amount such as 12.50.");
}
