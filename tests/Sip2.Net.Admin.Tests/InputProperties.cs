using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Admin.Internal.Model;
using Sip2.Net.Messages;
using Sip2.Net.SampleHost.Admin;

namespace Sip2.Net.Admin.Tests;

/// <summary>Invariants of what administrators send: it never throws, names survive a round trip, throttling always ends.</summary>
public sealed class InputProperties
{
    [Property]
    public bool Supported_messages_survive_the_API_round_trip(ushort bits)
    {
        var messages = (SupportedMessages)bits;
        var input = new BranchInput { SupportedMessages = BranchInput.Names(messages) };
        return input.TryBuild(null, out var configuration) is null && configuration!.SupportedMessages == messages;
    }

    [Property]
    public bool Any_registration_input_is_a_registration_or_an_error_never_an_exception(
        string? ipAddress, string? loginId, string? description, string? institution, string? branch, string? vendor, string? encoding, string? level, bool? activated)
    {
        // No password: hashing is deliberately slow, and a password is only hashed, never parsed.
        var input = new RegistrationInput
        {
            IpAddress = ipAddress, LoginId = loginId, Description = description, InstitutionId = institution, BranchId = branch,
            Vendor = vendor, Encoding = encoding, ResolutionLevel = level, Activated = activated,
        };
        var error = input.TryCreate(out var registration);
        return (error is null) != (registration is null);
    }

    [Property]
    public bool Encoding_and_resolution_names_read_back(bool utf8, bool wholeGroup)
    {
        var encoding = utf8 ? Encodings.Sip2CharacterEncoding.Utf8 : Encodings.Sip2CharacterEncoding.Ibm850;
        var level = wholeGroup ? Resolution.Sip2ResolutionLevel.WholeGroup : Resolution.Sip2ResolutionLevel.LocalInstitutionOnly;
        return AdminValues.TryParseEncoding(AdminValues.EncodingName(encoding), out var e) && e == encoding
            && AdminValues.TryParseResolution(AdminValues.ResolutionName(level), out var l) && l == level;
    }

    [Property]
    public bool Sign_in_throttling_never_outlasts_a_lockout_after_the_last_failure(NonEmptyArray<byte> gapsInSeconds)
    {
        var clock = new FakeTimeProvider();
        var throttle = new SignInThrottle(clock);
        foreach (var gap in gapsInSeconds.Get)
        {
            clock.Advance(TimeSpan.FromSeconds(gap));
            throttle.Failed("admin", "192.0.2.1");
            if (throttle.RetryAfter("admin", "192.0.2.1") > SignInThrottle.Lockout)
            {
                return false;
            }
        }

        clock.Advance(SignInThrottle.Lockout);
        return throttle.RetryAfter("admin", "192.0.2.1") == TimeSpan.Zero;
    }
}
