using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Testing.Conformance.Internal;

namespace Sip2.Net.Testing.Conformance;

/// <summary>
/// Checks a running SIP2 server (any implementation) against the rules of SIP2 2.00 that a kiosk relies on: framing,
/// checksums, sequence numbers and resends, error detection off, logins, unsupported and oversize messages, every
/// response's layout, dates, unknown fields, and (given a patron and an item) the basic circulation answers. Each check
/// opens its own connection (logging in when a login id is given), so one failure does not hide the next.
/// </summary>
public static class Sip2ConformanceSuite
{
    /// <summary>Every check, in the order they run.</summary>
    public static IReadOnlyList<Sip2ConformanceCheck> Checks => ConformanceChecks.All;

    /// <summary>Runs the checks (all of them, or those given) one after the other against the server.</summary>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static async Task<Sip2ConformanceReport> RunAsync(Sip2ConformanceOptions options, IEnumerable<Sip2ConformanceCheck>? checks = null, CancellationToken cancellationToken = default)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.Host) || options.Port is < 1 or > 65535 || options.ResponseTimeout <= TimeSpan.Zero || options.OversizeLength < 1)
        {
            throw new ArgumentException("A host, a port of 1 to 65535, a positive response timeout and oversize length are needed.", nameof(options));
        }

        var context = new ConformanceContext(options);
        var results = new List<Sip2ConformanceResult>();
        foreach (var check in (checks ?? Checks).ToList())
        {
            Verdict verdict;
            try
            {
                verdict = await check.RunAsync(context, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is IOException or SocketException or TimeoutException or AuthenticationException or OperationCanceledException)
            {
                // The server could not be reached or the connection broke: the check could not confirm the rule.
                verdict = Verdict.Fail($"connection failed: {e.Message}");
            }

            results.Add(new Sip2ConformanceResult { Check = check, Outcome = verdict.Outcome, Detail = verdict.Detail });
        }

        return new Sip2ConformanceReport(results);
    }
}
