using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Data.Sqlite;
using Sip2.Net.Access;
using Sip2.Net.PostgreSql.Internal;
using Sip2.Net.Sqlite;
using Sip2.Net.Sqlite.Internal;
using Sip2.Net.Storage.Internal;

namespace Sip2.Net.Storage.Tests;

/// <summary>The small pure pieces: notification payloads, the meaning of a violated constraint, the events a re-read raises.</summary>
public sealed class InternalsTests
{
    private static readonly Sip2ClientRegistration Kiosk = new() { Id = Guid.NewGuid(), IPAddress = IPAddress.Parse("203.0.113.10"), LoginId = "k", InstitutionId = "A", BranchId = "MAIN" };

    [Property]
    public Property A_notification_names_exactly_its_registry_and_change(Guid id, bool directory, NonNull<string> scope, NonNull<string> otherScope)
    {
        var mine = scope.Get.Replace("|", "", StringComparison.Ordinal);
        var theirs = otherScope.Get.Replace("|", "", StringComparison.Ordinal);
        var change = directory ? RegistryChange.Directory : RegistryChange.Registration(id);
        var payload = ChangeNotice.Encode(mine, change);

        var decoded = ChangeNotice.TryDecode(payload, mine, out var back, out var foreign);
        var elsewhere = ChangeNotice.TryDecode(payload, theirs, out _, out var foreignElsewhere);
        return (decoded && back == change && !foreign && (mine == theirs || (!elsewhere && !foreignElsewhere))).ToProperty();
    }

    [Theory]
    [InlineData("no separator")]
    [InlineData("scope|x")]
    [InlineData("scope|r:not-a-guid")]
    public void A_payload_that_is_no_notice_is_foreign(string payload)
    {
        Assert.False(ChangeNotice.TryDecode(payload, "scope", out _, out var foreign));
        Assert.True(foreign);
    }

    [Theory]
    [InlineData((int)WriteKind.Registration, Sip2RegistryRule.BranchWithoutConfiguration, "BranchId")]
    [InlineData((int)WriteKind.Institution, Sip2RegistryRule.UnknownGroup, "GroupId")]
    [InlineData((int)WriteKind.BranchConfiguration, Sip2RegistryRule.UnknownInstitution, "InstitutionId")]
    [InlineData((int)WriteKind.MessageOverride, Sip2RegistryRule.UnknownInstitution, "InstitutionId")]
    [InlineData((int)WriteKind.DeleteGroup, Sip2RegistryRule.StillReferenced, "Id")]
    [InlineData((int)WriteKind.DeleteInstitution, Sip2RegistryRule.StillReferenced, "Id")]
    [InlineData((int)WriteKind.DeleteBranchConfiguration, Sip2RegistryRule.StillReferenced, "BranchId")]
    public void A_foreign_key_violation_is_the_refusal_of_the_rule_the_write_could_break(int kind, Sip2RegistryRule rule, string field)
    {
        var error = ConstraintErrors.Map(new DatabaseFailure(DatabaseFailureKind.ForeignKeyViolation, null, ""), (WriteKind)kind);
        Assert.Equal((rule, field), (error.Rule, error.Field));
    }

    [Theory]
    [InlineData(2067, "UNIQUE constraint failed: sip2_registrations.ip_address, sip2_registrations.login_key", (int)DatabaseFailureKind.UniqueViolation, Sip2RegistryRule.LoginIdUniquePerAddress)]
    [InlineData(2067, "UNIQUE constraint failed: sip2_registrations.ip_address", (int)DatabaseFailureKind.UniqueViolation, Sip2RegistryRule.SharedAddressRequiresCredentials)]
    [InlineData(1555, "UNIQUE constraint failed: sip2_registrations.id", (int)DatabaseFailureKind.UniqueViolation, Sip2RegistryRule.DuplicateId)]
    [InlineData(275, "CHECK constraint failed: sip2_registrations_encoding_check", (int)DatabaseFailureKind.CheckViolation, Sip2RegistryRule.InvalidValue)]
    public void SQLite_constraint_errors_map_to_the_rules_they_stand_for(int extended, string message, int kind, Sip2RegistryRule rule)
    {
        var failure = new SqliteDatabase("x.db", new SqliteSip2RegistryStoreOptions()).Classify(new SqliteException(message, 19, extended));
        Assert.Equal((DatabaseFailureKind)kind, failure.Kind);
        Assert.Equal(rule, ConstraintErrors.Map(failure, WriteKind.Registration).Rule);
    }

    [Theory]
    [InlineData(5, (int)DatabaseFailureKind.Unavailable)]
    [InlineData(14, (int)DatabaseFailureKind.Unavailable)]
    [InlineData(1, (int)DatabaseFailureKind.Other)]
    public void SQLite_errors_other_than_constraints_are_unavailable_or_bugs(int code, int kind) =>
        Assert.Equal((DatabaseFailureKind)kind, new SqliteDatabase("x.db", new SqliteSip2RegistryStoreOptions()).Classify(new SqliteException("error", code)).Kind);

    [Property]
    public Property A_re_read_raises_no_event_for_what_did_not_change_and_the_most_consequential_kind_for_what_did(bool activated, bool loginChanged, bool passwordChanged, bool described)
    {
        var old = Kiosk with { Activated = true, PasswordHash = null };
        var next = old with
        {
            Activated = activated,
            LoginId = loginChanged ? "other" : old.LoginId,
            PasswordHash = passwordChanged ? Contract.Seed.Hash("pw") : null,
            Description = described ? "moved" : null,
        };
        var kind = SnapshotDiff.Kind(old, next);
        var expected = !activated ? Sip2RegistrationChangeKind.Deactivated
            : loginChanged ? Sip2RegistrationChangeKind.LoginChanged
            : passwordChanged ? Sip2RegistrationChangeKind.PasswordSet
            : described ? Sip2RegistrationChangeKind.Updated
            : (Sip2RegistrationChangeKind?)null;
        return (kind == expected && SnapshotDiff.Kind(null, next) == Sip2RegistrationChangeKind.Created && SnapshotDiff.Kind(old, null) == Sip2RegistrationChangeKind.Deleted).ToProperty();
    }

    [Fact]
    public void A_registration_activated_again_is_raised_as_activated()
    {
        Assert.Equal(Sip2RegistrationChangeKind.Activated, SnapshotDiff.Kind(Kiosk with { Activated = false }, Kiosk with { Activated = true, Description = "x" }));
        Assert.Null(SnapshotDiff.Kind(null, null));
    }
}
