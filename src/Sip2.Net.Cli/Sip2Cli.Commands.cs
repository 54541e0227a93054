using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Client;
using Sip2.Net.Protocol;
using Sip2.Net.Messages;

namespace Sip2.Net.Cli;

// The command tree: one command per request message, plus raw, interactive, load and conformance.
internal sealed partial class Sip2Cli
{
    private RootCommand BuildRoot()
    {
        var root = new RootCommand("sip2: a SIP2 (3M Standard Interchange Protocol 2.00) client for testing ACS servers.");
        foreach (var option in new Option[]
        {
            host, port, localAddress, tls, tlsHost, insecure, loginId, password, terminalPassword, institution, location,
            encoding, errorDetection, terminator, timeout, connectTimeout, retries, json, wire,
        })
        {
            root.Options.Add(option);
        }

        var patron = Arg("patron", "Patron identifier (AA)");
        var item = Arg("item", "Item identifier (AB)");
        var pin = Pin();

        root.Subcommands.Add(Request("status", "SC Status (99): the ACS's status and supported messages",
            (c, _, ct) => c.ScStatusAsync(cancellationToken: ct), null));

        var login = new Command("login", "Login (93) only: checks the login id and password (exit code 5 when refused)");
        login.SetAction((parse, ct) => parse.GetValue(loginId) is null
            ? Task.FromResult(Fail("sip2 login: --login-id is required."))
            : WithClientAsync(parse, _ => Task.FromResult(Say("Login accepted.")), ct));
        root.Subcommands.Add(login);

        var summary = new Option<string?>("--summary") { Description = "Detail list: holds, overdue, charged, fines, recall, unavailable" };
        summary.AcceptOnlyFromAmong("holds", "overdue", "charged", "fines", "recall", "unavailable");
        var start = new Option<int?>("--start") { Description = "First item of the list (BP)" };
        var end = new Option<int?>("--end") { Description = "Last item of the list (BQ)" };
        root.Subcommands.Add(Request("patron", "Patron Information (63)",
            (c, p, ct) => c.PatronInformationAsync(Value(p, patron), Summary(p.GetValue(summary)), p.GetValue(start), p.GetValue(end), p.GetValue(pin), ct),
            r => r.ValidPatron == false, patron, pin, summary, start, end));

        root.Subcommands.Add(Request("patron-status", "Patron Status (23)",
            (c, p, ct) => c.PatronStatusAsync(Value(p, patron), p.GetValue(pin), ct), r => r.ValidPatron == false, patron, pin));

        var feeAck = new Option<bool>("--fee-ack") { Description = "The patron accepts the item's fee (BO Y), for a checkout refused until then" };
        root.Subcommands.Add(Request("checkout", "Checkout (11)",
            (c, p, ct) => c.CheckoutAsync(Value(p, patron), Value(p, item), p.GetValue(pin), p.GetValue(feeAck) ? true : null, ct), r => !r.Ok, patron, item, pin, feeAck));

        root.Subcommands.Add(Request("checkin", "Checkin (09); the current location is --location",
            (c, p, ct) => c.CheckinAsync(Value(p, item), cancellationToken: ct), r => !r.Ok, item));

        var renewItem = new Argument<string?>("item") { Description = "Item identifier (AB); omit with --title", Arity = ArgumentArity.ZeroOrOne };
        var title = new Option<string?>("--title") { Description = "Title identifier (AJ)" };
        root.Subcommands.Add(Request("renew", "Renew (29) one item",
            (c, p, ct) => c.RenewAsync(Value(p, patron), p.GetValue(renewItem), p.GetValue(title), p.GetValue(pin), ct), r => !r.Ok, patron, renewItem, title, pin));

        root.Subcommands.Add(Request("renew-all", "Renew All (65)",
            (c, p, ct) => c.RenewAllAsync(Value(p, patron), p.GetValue(pin), ct), r => !r.Ok, patron, pin));

        var amount = Arg("amount", "Amount paid, such as 2.50");
        var currency = new Option<string>("--currency") { Description = "ISO 4217 currency code", DefaultValueFactory = _ => "USD" };
        var feeType = new Option<int>("--fee-type") { Description = "Fee type code (01 other, 04 overdue, ...)", DefaultValueFactory = _ => 1 };
        var paymentType = new Option<int>("--payment-type") { Description = "Payment type code (00 cash, 01 VISA, 02 credit card)", DefaultValueFactory = _ => 0 };
        var feeId = new Option<string?>("--fee-id") { Description = "Fee identifier (CG)" };
        var transactionId = new Option<string?>("--transaction-id") { Description = "Transaction id (BK)" };
        root.Subcommands.Add(Request("fee-paid", "Fee Paid (37)",
            (c, p, ct) => c.FeePaidAsync(Value(p, patron), ParseAmount(Value(p, amount)), p.GetValue(currency) ?? "USD",
                (FeeType)p.GetValue(feeType), (PaymentType)p.GetValue(paymentType), p.GetValue(feeId), p.GetValue(transactionId), ct),
            r => !r.PaymentAccepted, patron, amount, currency, feeType, paymentType, feeId, transactionId));

        var mode = new Option<string>("--mode") { Description = "add, delete or change", DefaultValueFactory = _ => "add" };
        mode.AcceptOnlyFromAmong("add", "delete", "change");
        var holdItem = new Option<string?>("--item") { Description = "Item identifier (AB)" };
        var pickup = new Option<string?>("--pickup") { Description = "Pickup location (BS)" };
        root.Subcommands.Add(Request("hold", "Hold (15)",
            (c, p, ct) => c.HoldAsync(HoldModeOf(p.GetValue(mode)), Value(p, patron), p.GetValue(holdItem), p.GetValue(title), p.GetValue(pickup), p.GetValue(pin), ct),
            r => !r.Ok, patron, mode, holdItem, title, pickup, pin));

        root.Subcommands.Add(Request("item", "Item Information (17)",
            (c, p, ct) => c.ItemInformationAsync(Value(p, item), ct), null, item));

        var properties = Arg("properties", "Item properties (CH)");
        root.Subcommands.Add(Request("item-status", "Item Status Update (19)",
            (c, p, ct) => c.ItemStatusUpdateAsync(Value(p, item), Value(p, properties), ct), r => !r.ItemPropertiesOk, item, properties));

        var message = new Option<string>("--message") { Description = "Blocked card message (AL)", DefaultValueFactory = _ => "Card blocked by sip2" };
        var retained = new Option<bool>("--card-retained") { Description = "The card was retained" };
        root.Subcommands.Add(Request("block", "Block Patron (01)",
            (c, p, ct) => c.BlockPatronAsync(Value(p, patron), p.GetValue(message) ?? "", p.GetValue(retained), ct), null, patron, message, retained));

        root.Subcommands.Add(Request("enable", "Patron Enable (25)",
            (c, p, ct) => c.PatronEnableAsync(Value(p, patron), p.GetValue(pin), ct), null, patron, pin));

        root.Subcommands.Add(Request("end-session", "End Patron Session (35)",
            (c, p, ct) => c.EndSessionAsync(Value(p, patron), p.GetValue(pin), ct), null, patron, pin));

        root.Subcommands.Add(RawCommand());
        root.Subcommands.Add(InteractiveCommand());
        root.Subcommands.Add(LoadCommand());
        root.Subcommands.Add(ConformanceCommand());
        return root;
    }

    private Command RawCommand()
    {
        var text = Arg("message", "The message without terminator, such as \"9900302.00\"");
        var addTrailer = new Option<bool>("--add-trailer") { Description = "Append the next sequence number (AY) and a checksum (AZ)" };
        var command = new Command("raw", "Send a hand-written message and show the response") { text, addTrailer };
        command.SetAction((parse, ct) => WithClientAsync(parse, async client =>
        {
            var response = await client.SendRawAsync(Value(parse, text), parse.GetValue(addTrailer), ct);
            var result = response.Result;
            if (parse.GetValue(json))
            {
                ResponsePrinter.WriteJson(console.Out, result.Message, Sip2WireMask.Mask(response.Text, client.Options.FieldDelimiter), result.Error);
            }
            else if (result.Message is { } parsed)
            {
                ResponsePrinter.WriteText(console.Out, parsed);
            }
            else
            {
                await console.Out.WriteLineAsync(Sip2WireMask.Mask(response.Text, client.Options.FieldDelimiter));
                await console.Error.WriteLineAsync($"sip2: the response could not be read: {result.Error}");
            }

            return result.IsSuccess ? ExitCodes.Ok : ExitCodes.Protocol;
        }, ct));
        return command;
    }

    private Command InteractiveCommand()
    {
        var command = new Command("interactive", "A session: one connection, one command per line (without connection options); 'quit' ends it");
        command.Aliases.Add("shell");
        command.SetAction((parse, ct) => WithClientAsync(parse, async client =>
        {
            session = client;
            sessionWire = parse.GetValue(wire);
            try
            {
                await console.Out.WriteLineAsync("Connected. Type a command (status, patron <id>, checkout <patron> <item>, raw \"...\", help) or quit.");
                while (!ct.IsCancellationRequested)
                {
                    await console.Out.WriteAsync("sip2> ");
                    var line = await console.In.ReadLineAsync(ct);
                    if (line is null || line.Trim() is "quit" or "exit")
                    {
                        break;
                    }

                    var words = CommandLineParser.SplitCommandLine(line).ToArray();
                    if (words.Length == 0)
                    {
                        continue;
                    }

                    if (words[0] is "interactive" or "shell" or "load" or "conformance")
                    {
                        await console.Error.WriteLineAsync($"sip2: '{words[0]}' is not available inside a session.");
                        continue;
                    }

                    var code = await InvokeAsync(words.Select(w => w == "help" ? "--help" : w).ToArray(), ct);
                    if (code != ExitCodes.Ok)
                    {
                        await console.Out.WriteLineAsync($"(exit code {code})");
                    }

                    if (!client.IsConnected)
                    {
                        await console.Error.WriteLineAsync("sip2: the connection was closed.");
                        return ExitCodes.Connection;
                    }
                }

                return ExitCodes.Ok;
            }
            finally
            {
                session = null;
                sessionWire = false;
            }
        }, ct));
        return command;
    }

    private int Say(string text)
    {
        console.Out.WriteLine(text);
        return ExitCodes.Ok;
    }

    private int Fail(string text)
    {
        console.Error.WriteLine(text);
        return ExitCodes.Usage;
    }

    private static PatronSummary Summary(string? name) => name switch
    {
        "holds" => PatronSummary.HoldItems,
        "overdue" => PatronSummary.OverdueItems,
        "charged" => PatronSummary.ChargedItems,
        "fines" => PatronSummary.FineItems,
        "recall" => PatronSummary.RecallItems,
        "unavailable" => PatronSummary.UnavailableHoldItems,
        _ => PatronSummary.None,
    };

    private static HoldMode HoldModeOf(string? name) => name switch
    {
        "delete" => HoldMode.Delete,
        "change" => HoldMode.Change,
        _ => HoldMode.Add,
    };
}
