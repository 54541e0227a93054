using System;
using System.Collections.Generic;
using Sip2.Net.Access;

namespace Sip2.Net.Storage.Internal;

/// <summary>
/// The registration events between two snapshots, for changes this instance learns by re-reading (another instance's
/// writes, or everything that changed while the database could not be reached). One event per registration that
/// differs, of the kind that matters most to the server: a registration deactivated and renamed meanwhile is
/// <see cref="Sip2RegistrationChangeKind.Deactivated"/>, so its sessions end.
/// </summary>
internal static class SnapshotDiff
{
    public static List<Sip2RegistrationChangedEventArgs> Changes(Sip2RegistrySnapshot before, Sip2RegistrySnapshot after, IEnumerable<Guid> ids)
    {
        var changes = new List<Sip2RegistrationChangedEventArgs>();
        foreach (var id in ids)
        {
            var old = before.GetRegistration(id);
            var next = after.GetRegistration(id);
            if (Kind(old, next) is { } kind)
            {
                changes.Add(new Sip2RegistrationChangedEventArgs(kind, next ?? old!, old));
            }
        }

        return changes;
    }

    /// <summary>Every id in either snapshot.</summary>
    public static HashSet<Guid> Ids(Sip2RegistrySnapshot before, Sip2RegistrySnapshot after)
    {
        var ids = new HashSet<Guid>();
        foreach (var registration in before.Registrations)
        {
            ids.Add(registration.Id);
        }

        foreach (var registration in after.Registrations)
        {
            ids.Add(registration.Id);
        }

        return ids;
    }

    public static Sip2RegistrationChangeKind? Kind(Sip2ClientRegistration? old, Sip2ClientRegistration? next) =>
        (old, next) switch
        {
            (null, null) => null,
            (null, _) => Sip2RegistrationChangeKind.Created,
            (_, null) => Sip2RegistrationChangeKind.Deleted,
            _ when old == next => null,
            _ when old.Activated && !next.Activated => Sip2RegistrationChangeKind.Deactivated,
            _ when !old.Activated && next.Activated => Sip2RegistrationChangeKind.Activated,
            _ when !string.Equals(old.LoginId, next.LoginId, StringComparison.Ordinal) => Sip2RegistrationChangeKind.LoginChanged,
            _ when !Equals(old.PasswordHash, next.PasswordHash) => Sip2RegistrationChangeKind.PasswordSet,
            _ => Sip2RegistrationChangeKind.Updated,
        };
}
