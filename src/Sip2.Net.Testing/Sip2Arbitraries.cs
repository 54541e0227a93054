using FsCheck;
using FsCheck.Fluent;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.Testing.Internal;

namespace Sip2.Net.Testing;

/// <summary>
/// FsCheck arbitraries (generator and shrinker) for every SIP2 2.00 message type and the codec's values, for
/// registration with FsCheck: <c>[Properties(Arbitrary = new[] { typeof(Sip2Arbitraries) })]</c> on a test class (or
/// <c>Arbitrary</c> on one <c>[Property]</c>), <c>Config.QuickThrowOnFailure.WithArbitrary(new[] { typeof(Sip2Arbitraries) })</c>
/// for <c>Prop.ForAll((CheckoutRequest c) =&gt; ...).Check(config)</c>, or <c>ArbMap.Default.Merge(typeof(Sip2Arbitraries))</c> for <c>ArbFor&lt;T&gt;()</c> (FsCheck 3's
/// place of FsCheck 2's <c>Arb.Register</c>). Message texts are IBM850 text, which UTF-8 carries too; for other
/// encodings or for messages of your own making, compose <see cref="Sip2Generators"/> and <see cref="Sip2Shrinkers"/>.
/// </summary>
public static class Sip2Arbitraries
{
    // FsCheck takes every static method here that returns an arbitrary, private ones and generic ones too, for an
    // arbitrary of its own: so nothing but the arbitraries themselves lives in this class.

    /// <summary>Any message of the 2.00 table.</summary>
    public static Arbitrary<Sip2Message> Messages() => Arb.From(Sip2Generators.AnyMessage(Sip2Encoding.Ibm850), value => Sip2Shrinkers.Message(value));

    /// <summary><see cref="Messages.LoginRequest"/> messages (IBM850 text).</summary>
    public static Arbitrary<LoginRequest> LoginRequests() => MessageArbitrary.Of<LoginRequest>();

    /// <summary><see cref="Messages.LoginResponse"/> messages (IBM850 text).</summary>
    public static Arbitrary<LoginResponse> LoginResponses() => MessageArbitrary.Of<LoginResponse>();

    /// <summary><see cref="Messages.ScStatusRequest"/> messages (IBM850 text).</summary>
    public static Arbitrary<ScStatusRequest> ScStatusRequests() => MessageArbitrary.Of<ScStatusRequest>();

    /// <summary><see cref="Messages.AcsStatusResponse"/> messages (IBM850 text).</summary>
    public static Arbitrary<AcsStatusResponse> AcsStatusResponses() => MessageArbitrary.Of<AcsStatusResponse>();

    /// <summary><see cref="Messages.RequestAcsResend"/> messages (IBM850 text).</summary>
    public static Arbitrary<RequestAcsResend> RequestAcsResends() => MessageArbitrary.Of<RequestAcsResend>();

    /// <summary><see cref="Messages.RequestScResend"/> messages (IBM850 text).</summary>
    public static Arbitrary<RequestScResend> RequestScResends() => MessageArbitrary.Of<RequestScResend>();

    /// <summary><see cref="Messages.PatronStatusRequest"/> messages (IBM850 text).</summary>
    public static Arbitrary<PatronStatusRequest> PatronStatusRequests() => MessageArbitrary.Of<PatronStatusRequest>();

    /// <summary><see cref="Messages.PatronStatusResponse"/> messages (IBM850 text).</summary>
    public static Arbitrary<PatronStatusResponse> PatronStatusResponses() => MessageArbitrary.Of<PatronStatusResponse>();

    /// <summary><see cref="Messages.BlockPatronRequest"/> messages (IBM850 text).</summary>
    public static Arbitrary<BlockPatronRequest> BlockPatronRequests() => MessageArbitrary.Of<BlockPatronRequest>();

    /// <summary><see cref="Messages.CheckoutRequest"/> messages (IBM850 text).</summary>
    public static Arbitrary<CheckoutRequest> CheckoutRequests() => MessageArbitrary.Of<CheckoutRequest>();

    /// <summary><see cref="Messages.CheckoutResponse"/> messages (IBM850 text).</summary>
    public static Arbitrary<CheckoutResponse> CheckoutResponses() => MessageArbitrary.Of<CheckoutResponse>();

    /// <summary><see cref="Messages.CheckinRequest"/> messages (IBM850 text).</summary>
    public static Arbitrary<CheckinRequest> CheckinRequests() => MessageArbitrary.Of<CheckinRequest>();

    /// <summary><see cref="Messages.CheckinResponse"/> messages (IBM850 text).</summary>
    public static Arbitrary<CheckinResponse> CheckinResponses() => MessageArbitrary.Of<CheckinResponse>();

    /// <summary><see cref="Messages.PatronInformationRequest"/> messages (IBM850 text).</summary>
    public static Arbitrary<PatronInformationRequest> PatronInformationRequests() => MessageArbitrary.Of<PatronInformationRequest>();

    /// <summary><see cref="Messages.PatronInformationResponse"/> messages (IBM850 text).</summary>
    public static Arbitrary<PatronInformationResponse> PatronInformationResponses() => MessageArbitrary.Of<PatronInformationResponse>();

    /// <summary><see cref="Messages.EndPatronSessionRequest"/> messages (IBM850 text).</summary>
    public static Arbitrary<EndPatronSessionRequest> EndPatronSessionRequests() => MessageArbitrary.Of<EndPatronSessionRequest>();

    /// <summary><see cref="Messages.EndPatronSessionResponse"/> messages (IBM850 text).</summary>
    public static Arbitrary<EndPatronSessionResponse> EndPatronSessionResponses() => MessageArbitrary.Of<EndPatronSessionResponse>();

    /// <summary><see cref="Messages.FeePaidRequest"/> messages (IBM850 text).</summary>
    public static Arbitrary<FeePaidRequest> FeePaidRequests() => MessageArbitrary.Of<FeePaidRequest>();

    /// <summary><see cref="Messages.FeePaidResponse"/> messages (IBM850 text).</summary>
    public static Arbitrary<FeePaidResponse> FeePaidResponses() => MessageArbitrary.Of<FeePaidResponse>();

    /// <summary><see cref="Messages.ItemInformationRequest"/> messages (IBM850 text).</summary>
    public static Arbitrary<ItemInformationRequest> ItemInformationRequests() => MessageArbitrary.Of<ItemInformationRequest>();

    /// <summary><see cref="Messages.ItemInformationResponse"/> messages (IBM850 text).</summary>
    public static Arbitrary<ItemInformationResponse> ItemInformationResponses() => MessageArbitrary.Of<ItemInformationResponse>();

    /// <summary><see cref="Messages.ItemStatusUpdateRequest"/> messages (IBM850 text).</summary>
    public static Arbitrary<ItemStatusUpdateRequest> ItemStatusUpdateRequests() => MessageArbitrary.Of<ItemStatusUpdateRequest>();

    /// <summary><see cref="Messages.ItemStatusUpdateResponse"/> messages (IBM850 text).</summary>
    public static Arbitrary<ItemStatusUpdateResponse> ItemStatusUpdateResponses() => MessageArbitrary.Of<ItemStatusUpdateResponse>();

    /// <summary><see cref="Messages.PatronEnableRequest"/> messages (IBM850 text).</summary>
    public static Arbitrary<PatronEnableRequest> PatronEnableRequests() => MessageArbitrary.Of<PatronEnableRequest>();

    /// <summary><see cref="Messages.PatronEnableResponse"/> messages (IBM850 text).</summary>
    public static Arbitrary<PatronEnableResponse> PatronEnableResponses() => MessageArbitrary.Of<PatronEnableResponse>();

    /// <summary><see cref="Messages.HoldRequest"/> messages (IBM850 text).</summary>
    public static Arbitrary<HoldRequest> HoldRequests() => MessageArbitrary.Of<HoldRequest>();

    /// <summary><see cref="Messages.HoldResponse"/> messages (IBM850 text).</summary>
    public static Arbitrary<HoldResponse> HoldResponses() => MessageArbitrary.Of<HoldResponse>();

    /// <summary><see cref="Messages.RenewRequest"/> messages (IBM850 text).</summary>
    public static Arbitrary<RenewRequest> RenewRequests() => MessageArbitrary.Of<RenewRequest>();

    /// <summary><see cref="Messages.RenewResponse"/> messages (IBM850 text).</summary>
    public static Arbitrary<RenewResponse> RenewResponses() => MessageArbitrary.Of<RenewResponse>();

    /// <summary><see cref="Messages.RenewAllRequest"/> messages (IBM850 text).</summary>
    public static Arbitrary<RenewAllRequest> RenewAllRequests() => MessageArbitrary.Of<RenewAllRequest>();

    /// <summary><see cref="Messages.RenewAllResponse"/> messages (IBM850 text).</summary>
    public static Arbitrary<RenewAllResponse> RenewAllResponses() => MessageArbitrary.Of<RenewAllResponse>();

    /// <summary>SIP2 dates and times (<see cref="Sip2Generators.Timestamp"/>).</summary>
    public static Arbitrary<Sip2Timestamp> Timestamps() => Arb.From(Sip2Generators.Timestamp(), value => Sip2Shrinkers.Timestamp(value));

    /// <summary>Money amounts (<see cref="Sip2Generators.Amount"/>).</summary>
    public static Arbitrary<Sip2Amount> Amounts() => Arb.From(Sip2Generators.Amount(), value => Sip2Shrinkers.Amount(value));

    /// <summary>Frames of any message in any encoding (IBM850, UTF-8, ASCII) and error-detection mode; each frame carries the options that read it.</summary>
    public static Arbitrary<Sip2Frame> Frames() =>
        Arb.From(
            Gen.Elements(Sip2Encoding.Ibm850, Sip2Encoding.Utf8, Sip2Encoding.AsciiFolding)
                .SelectMany(encoding => Gen.Elements(Sip2ErrorDetectionMode.Off, Sip2ErrorDetectionMode.On, Sip2ErrorDetectionMode.Auto)
                    .SelectMany(mode => Sip2Generators.Frame(encoding, mode))),
            value => Sip2Shrinkers.Frame(value));

    /// <summary>Streams of IBM850 frames split into reads (<see cref="Sip2Generators.SplitFrames"/>).</summary>
    public static Arbitrary<Sip2SplitFrames> SplitFrames() => Sip2Generators.SplitFrames(Sip2Encoding.Ibm850, Sip2ErrorDetectionMode.Auto).ToArbitrary();

    /// <summary>Damaged IBM850 frames labelled with what a reader must report (<see cref="Sip2Generators.CorruptFrame(Sip2Encoding)"/>).</summary>
    public static Arbitrary<Sip2CorruptFrame> CorruptFrames() => Sip2Generators.CorruptFrame(Sip2Encoding.Ibm850).ToArbitrary();

}
