using System;
using Sip2.Net.Access;
using Sip2.Net.Resolution;

namespace Sip2.Net.Storage.Internal;

/// <summary>
/// The database's constraints are the second line behind the rules: a write the rules accepted can still meet one when
/// a row was written past the store (by hand, by another tool). The violation becomes the refusal of the rule the
/// constraint stands for, with its field, never an exception.
/// </summary>
internal static class ConstraintErrors
{
    public static Sip2RegistryError Map(DatabaseFailure failure, WriteKind kind)
    {
        var name = failure.Constraint ?? "";
        return failure.Kind switch
        {
            DatabaseFailureKind.UniqueViolation when Names(name, "login_key") => new(Sip2RegistryRule.LoginIdUniquePerAddress, nameof(Sip2ClientRegistration.LoginId),
                "Another registration for this address already uses this login id (compared case-insensitively)."),
            DatabaseFailureKind.UniqueViolation when Names(name, "sole_without_login") => new(Sip2RegistryRule.SharedAddressRequiresCredentials, nameof(Sip2ClientRegistration.LoginId),
                "This address already has a registration without a login id, which must be the only one for it."),
            DatabaseFailureKind.UniqueViolation => new(Sip2RegistryRule.DuplicateId, nameof(Sip2ClientRegistration.Id), "An entry with this id already exists."),
            DatabaseFailureKind.CheckViolation when Names(name, "encoding") => new(Sip2RegistryRule.InvalidValue, nameof(Sip2ClientRegistration.Encoding), "Unknown character encoding."),
            DatabaseFailureKind.CheckViolation when Names(name, "resolution_level") => new(Sip2RegistryRule.InvalidValue, nameof(Sip2ClientRegistration.ResolutionLevel), "Unknown resolution level."),
            DatabaseFailureKind.CheckViolation => new(Sip2RegistryRule.InvalidValue, "Value", "A value is outside what the database accepts."),
            DatabaseFailureKind.ForeignKeyViolation => ForeignKey(kind),
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Kind, "Not a constraint violation."),
        };
    }

    private static Sip2RegistryError ForeignKey(WriteKind kind) => kind switch
    {
        WriteKind.Registration => new(Sip2RegistryRule.BranchWithoutConfiguration, nameof(Sip2ClientRegistration.BranchId), "The branch has no SIP2 configuration; create one first."),
        WriteKind.Institution => new(Sip2RegistryRule.UnknownGroup, nameof(Sip2Institution.GroupId), "The group does not exist; create it first."),
        WriteKind.BranchConfiguration => new(Sip2RegistryRule.UnknownInstitution, nameof(Sip2BranchConfiguration.InstitutionId), "The institution does not exist; create it first."),
        WriteKind.MessageOverride => new(Sip2RegistryRule.UnknownInstitution, nameof(Sip2MessageOverride.InstitutionId), "The institution does not exist."),
        WriteKind.DeleteBranchConfiguration => new(Sip2RegistryRule.StillReferenced, nameof(Sip2BranchConfiguration.BranchId), "The branch configuration is still used; change or delete what uses it first."),
        _ => new(Sip2RegistryRule.StillReferenced, "Id", "The entry is still used; change or delete what uses it first."),
    };

    private static bool Names(string constraint, string part) => constraint.Contains(part, StringComparison.OrdinalIgnoreCase);
}
