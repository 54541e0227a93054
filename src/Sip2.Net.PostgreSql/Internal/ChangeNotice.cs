using System;
using Sip2.Net.Storage.Internal;

namespace Sip2.Net.PostgreSql.Internal;

/// <summary>
/// The payload of a change notification: which registry (the schema, since one database may hold several) and what
/// changed, <c>scope|r:&lt;registration id&gt;</c> or <c>scope|d</c> for the directory.
/// </summary>
internal static class ChangeNotice
{
    public static string Encode(string scope, RegistryChange change) =>
        scope + "|" + (change.RegistrationId is { } id ? "r:" + id.ToString("D") : "d");

    /// <summary>The change, when the payload is one of this registry's (false for another registry's or a foreign payload).</summary>
    public static bool TryDecode(string payload, string scope, out RegistryChange change, out bool foreign)
    {
        change = default;
        var separator = payload.LastIndexOf('|');
        foreign = separator < 0;
        if (foreign || !string.Equals(payload.Substring(0, separator), scope, StringComparison.Ordinal))
        {
            return false;
        }

        var what = payload.AsSpan(separator + 1);
        if (what.SequenceEqual("d"))
        {
            change = RegistryChange.Directory;
            return true;
        }

        if (what.StartsWith("r:") && Guid.TryParse(what[2..], out var id))
        {
            change = RegistryChange.Registration(id);
            return true;
        }

        foreign = true;
        return false;
    }
}
