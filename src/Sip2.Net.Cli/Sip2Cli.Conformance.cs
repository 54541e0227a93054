using System;
using System.CommandLine;
using System.Linq;
using System.Threading.Tasks;
using Sip2.Net.Testing.Conformance;

namespace Sip2.Net.Cli;

// sip2 conformance: the conformance battery of Sip2.Net.Testing against the host, as a pass/fail table.
internal sealed partial class Sip2Cli
{
    private Command ConformanceCommand()
    {
        var patron = new Option<string?>("--patron") { Description = "A patron (AA) for the patron checks and the checkout" };
        var patronPin = new Option<string?>("--patron-pin") { Description = "The patron's PIN (AD) for the PIN checks" };
        var item = new Option<string?>("--item") { Description = "An item on the shelf (AB): its information, and a checkout to --patron and checkin" };
        var only = new Option<string[]>("--check") { Description = "Run only this check (repeat for more); --list names them" };
        var list = new Option<bool>("--list") { Description = "List the checks and the rules they test; run nothing" };
        var command = new Command("conformance", "Check the ACS against SIP2 2.00: a pass/fail table, exit code 1 when a check failed")
        {
            patron, patronPin, item, only, list,
        };

        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(list))
            {
                ConformancePrinter.WriteChecks(console.Out, Sip2ConformanceSuite.Checks);
                return ExitCodes.Ok;
            }

            var ids = parse.GetValue(only) ?? [];
            var unknown = ids.Where(id => Sip2ConformanceSuite.Checks.All(c => c.Id != id)).ToList();
            if (unknown.Count > 0)
            {
                await console.Error.WriteLineAsync($"sip2 conformance: no check named {string.Join(", ", unknown)}. Run 'sip2 conformance --list'.");
                return ExitCodes.Usage;
            }

            var client = BuildOptions(parse);
            if (client is null)
            {
                return ExitCodes.Usage;
            }

            string? user = parse.GetValue(loginId) is { Length: > 0 } given ? given : null;
            string? secret = null;
            if (user is not null)
            {
                try
                {
                    secret = LoginPassword(parse, user);
                }
                catch (ArgumentException e)
                {
                    await console.Error.WriteLineAsync($"sip2: {e.Message}");
                    return ExitCodes.Usage;
                }
            }

            var options = new Sip2ConformanceOptions
            {
                Host = client.Host, Port = client.Port, LocalAddress = client.LocalAddress, UseTls = client.UseTls, TlsTargetHost = client.TlsTargetHost,
                RemoteCertificateValidationCallback = client.RemoteCertificateValidationCallback,
                LoginId = user, Password = secret, LocationCode = client.LocationCode, InstitutionId = client.InstitutionId, TerminalPassword = client.TerminalPassword,
                Encoding = client.Encoding, ResponseTimeout = client.ResponseTimeout, ConnectTimeout = client.ConnectTimeout,
                PatronIdentifier = parse.GetValue(patron), PatronPassword = parse.GetValue(patronPin), ItemIdentifier = parse.GetValue(item),
            };
            var checks = ids.Length == 0 ? Sip2ConformanceSuite.Checks : Sip2ConformanceSuite.Checks.Where(c => ids.Contains(c.Id)).ToList();
            var report = await Sip2ConformanceSuite.RunAsync(options, checks, ct);
            ConformancePrinter.WriteReport(console.Out, report);
            return report.Failed > 0 ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }
}
