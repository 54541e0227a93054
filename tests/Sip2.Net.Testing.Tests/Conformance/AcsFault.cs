namespace Sip2.Net.Testing.Tests.Conformance;

/// <summary>The one way a <see cref="ScriptedAcs"/> breaks the standard in a run (None: it keeps every rule).</summary>
public enum AcsFault
{
    None,
    WaitsForCrLf,
    CrOnly,
    FirstOfSegmentOnly,
    AnswersPartialMessages,
    IgnoresChecksum,
    RejectsLowercaseHex,
    WrongSequence,
    ResendRebuilds,
    ResendRemembers96,
    AnswersResendWithoutHistory,
    RequiresTrailer,
    RefusesEveryLogin,
    AcceptsAnyLogin,
    ServesBeforeLogin,
    ClosesOnUnknownCommand,
    AnswersResponses,
    IgnoresSupportedMessages,
    NoLineCap,
    BrokenFixedPart,
    MissingRequiredField,
    ClockOff,
    RejectsUnknownFields,
    RejectsReorderedFields,
    PatronNeverValid,
    PinNotChecked,
    ItemNotEchoed,
    CheckoutRefused,
}
