using Sip2.Net.Messages;
using Sip2.Net.Testing.Conformance;

namespace Sip2.Net.Testing.Tests.Conformance;

/// <summary>
/// The battery against a scripted server that keeps every rule but one: each check fails where its rule is broken, so
/// none can pass vacuously; against the same server keeping every rule, every check passes.
/// </summary>
public sealed class BrokenServerConformanceTests
{
    // Which checks each fault must fail. The layout faults are per response, below.
    public static readonly Dictionary<AcsFault, string[]> Breaks = new()
    {
        [AcsFault.WaitsForCrLf] = ["framing-cr"],
        [AcsFault.CrOnly] = ["framing-crlf", "framing-lf"],
        [AcsFault.FirstOfSegmentOnly] = ["framing-two-in-one"],
        [AcsFault.AnswersPartialMessages] = ["framing-split"],
        [AcsFault.IgnoresChecksum] = ["checksum-bad"],
        [AcsFault.RejectsLowercaseHex] = ["checksum-lowercase"],
        [AcsFault.WrongSequence] = ["sequence-echo"],
        [AcsFault.ResendRebuilds] = ["resend-last"],
        [AcsFault.ResendRemembers96] = ["resend-after-96"],
        [AcsFault.AnswersResendWithoutHistory] = ["resend-first"],
        [AcsFault.RequiresTrailer] = ["error-detection-off"],
        [AcsFault.RefusesEveryLogin] = ["login-accepted"],
        [AcsFault.AcceptsAnyLogin] = ["login-refused"],
        [AcsFault.ServesBeforeLogin] = ["login-required"],
        [AcsFault.ClosesOnUnknownCommand] = ["unknown-command"],
        [AcsFault.AnswersResponses] = ["response-as-request"],
        [AcsFault.IgnoresSupportedMessages] = ["unsupported-message"],
        [AcsFault.NoLineCap] = ["oversize-line"],
        [AcsFault.ClockOff] = ["dates"],
        [AcsFault.RejectsUnknownFields] = ["fields-unknown"],
        [AcsFault.RejectsReorderedFields] = ["fields-any-order"],
        [AcsFault.PatronNeverValid] = ["patron-valid"],
        [AcsFault.PinNotChecked] = ["patron-wrong-pin"],
        [AcsFault.ItemNotEchoed] = ["item-information"],
        [AcsFault.CheckoutRefused] = ["checkout-checkin"],
    };

    // The layout checks are named layout-REQUEST-RESPONSE; breaking a response's layout fails each check that asks for it.
    private static readonly Sip2Command[] Responses = Sip2ConformanceSuite.Checks
        .Where(c => c.Id.StartsWith("layout-", StringComparison.Ordinal))
        .Select(c => (Sip2Command)int.Parse(c.Id[^2..], System.Globalization.CultureInfo.InvariantCulture))
        .Distinct()
        .ToArray();

    public static TheoryData<AcsFault> Faults() => new(Breaks.Keys);

    public static TheoryData<Sip2Command> LayoutTargets() => new(Responses);

    public static TheoryData<Sip2Command> RequiredFieldTargets() => new(Responses.Where(r => Sip2MessageTable.Get(r).Fields.Any(f => f.IsRequired)));

    // Against the healthy server a generous timeout, so a busy machine cannot fail a check; against a fault a short one,
    // since a broken server may never answer (only the checks under test run then).
    private static Sip2ConformanceOptions Options(ScriptedAcs server) => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        LoginId = ScriptedAcs.LoginId,
        Password = ScriptedAcs.Password,
        InstitutionId = "LIB",
        PatronIdentifier = "P1",
        PatronPassword = "1234",
        ItemIdentifier = "I1",
        ResponseTimeout = server.Fault == AcsFault.None ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(2),
        QuietPeriod = TimeSpan.FromMilliseconds(100),
        OversizeLength = 256 * 1024,
    };

    [Fact]
    public async Task Every_check_passes_against_the_server_keeping_every_rule()
    {
        await using var server = new ScriptedAcs(AcsFault.None);
        var report = await Sip2ConformanceSuite.RunAsync(Options(server));

        Assert.All(report.Results, r => Assert.True(r.Outcome == Sip2ConformanceOutcome.Passed, $"{r.Check.Id}: {r.Outcome}: {r.Detail}"));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_broken_rule_fails_its_check(AcsFault fault)
    {
        await using var server = new ScriptedAcs(fault);
        await AssertFailAsync(server, Breaks[fault]);
    }

    [Theory]
    [MemberData(nameof(LayoutTargets))]
    public async Task A_short_fixed_part_fails_the_layout_check_of_its_response(Sip2Command response)
    {
        await using var server = new ScriptedAcs(AcsFault.BrokenFixedPart, response);
        await AssertFailAsync(server, LayoutChecksOf(response));
    }

    [Theory]
    [MemberData(nameof(RequiredFieldTargets))]
    public async Task A_missing_required_field_fails_the_layout_check_of_its_response(Sip2Command response)
    {
        await using var server = new ScriptedAcs(AcsFault.MissingRequiredField, response);
        await AssertFailAsync(server, LayoutChecksOf(response));
    }

    [Fact]
    public void Every_check_is_failed_by_some_fault()
    {
        var failable = Breaks.Values.SelectMany(ids => ids).Concat(Responses.SelectMany(LayoutChecksOf)).ToHashSet();
        Assert.Equal(Sip2ConformanceSuite.Checks.Select(c => c.Id).Order(), failable.Order());
    }

    [Fact]
    public async Task Checks_that_need_data_do_not_run_without_it_and_do_not_count_as_passed()
    {
        await using var server = new ScriptedAcs(AcsFault.None);
        var report = await Sip2ConformanceSuite.RunAsync(Options(server) with { LoginId = null, Password = null, PatronIdentifier = null, PatronPassword = null, ItemIdentifier = null },
            Sip2ConformanceSuite.Checks.Where(c => c.Id is "login-accepted" or "login-refused" or "login-required" or "layout-93-94" or "patron-valid" or "patron-wrong-pin" or "item-information" or "checkout-checkin"));

        Assert.All(report.Results, r => Assert.Equal(Sip2ConformanceOutcome.NotRun, r.Outcome));
        Assert.Equal((0, 0, 8), (report.Passed, report.Failed, report.NotRun));
    }

    private static string[] LayoutChecksOf(Sip2Command response) =>
        Sip2ConformanceSuite.Checks.Where(c => c.Id.StartsWith("layout-", StringComparison.Ordinal) && c.Id.EndsWith($"-{(int)response:00}", StringComparison.Ordinal)).Select(c => c.Id).ToArray();

    private static async Task AssertFailAsync(ScriptedAcs server, string[] ids)
    {
        var report = await Sip2ConformanceSuite.RunAsync(Options(server), Sip2ConformanceSuite.Checks.Where(c => ids.Contains(c.Id)));

        Assert.Equal(ids.Order(), report.Results.Select(r => r.Check.Id).Order());
        Assert.All(report.Results, r => Assert.True(r.Outcome == Sip2ConformanceOutcome.Failed, $"{r.Check.Id} should fail against {server.Fault} {server.Target}: {r.Outcome}: {r.Detail}"));
    }
}
