using System;
using System.Collections.Generic;
using System.Linq;
using Sip2.Net.Access;
using Sip2.Net.Encodings;
using Sip2.Net.Resolution;
using Sip2.Net.Vendors;

namespace Sip2.Net.Admin.Internal.Model;

/// <summary>The names the screens and the API use for the store's values, and their parsing.</summary>
internal static class AdminValues
{
    public const string Ibm850 = "IBM850";
    public const string Utf8 = "UTF-8";

    public static string EncodingName(Sip2CharacterEncoding encoding) => encoding switch
    {
        Sip2CharacterEncoding.Utf8 => Utf8,
        Sip2CharacterEncoding.AsciiFolding => "ASCII-folding",
        _ => Ibm850,
    };

    /// <summary>Reads <c>IBM850</c> or <c>UTF-8</c> (any case, with or without the hyphen); null or empty is the default, IBM850.</summary>
    public static bool TryParseEncoding(string? text, out Sip2CharacterEncoding encoding)
    {
        encoding = Sip2CharacterEncoding.Ibm850;
        switch (text?.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant())
        {
            case null or "" or "IBM850":
                return true;
            case "UTF8":
                encoding = Sip2CharacterEncoding.Utf8;
                return true;
            default:
                return false;
        }
    }

    public static string ResolutionName(Sip2ResolutionLevel level) => level.ToString();

    /// <summary>Reads <c>LocalInstitutionOnly</c> or <c>WholeGroup</c> (any case); null or empty is the default.</summary>
    public static bool TryParseResolution(string? text, out Sip2ResolutionLevel level)
    {
        level = Sip2ResolutionLevel.LocalInstitutionOnly;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        return Enum.TryParse(text, ignoreCase: true, out level) && Enum.IsDefined(level) && !int.TryParse(text, out _);
    }

    public static string ResolutionLabel(Sip2ResolutionLevel level) =>
        level == Sip2ResolutionLevel.WholeGroup ? "Whole group" : "Local institution only";

    /// <summary>
    /// The store names a refused field by its property (<c>IPAddress</c>, <c>PasswordHash</c>); the API and the forms
    /// name it as in JSON (<c>ipAddress</c>, <c>password</c>).
    /// </summary>
    public static string FieldName(string storeField) => storeField switch
    {
        "IPAddress" => "ipAddress",
        "PasswordHash" => "password",
        "" => "",
        _ => char.ToLowerInvariant(storeField[0]) + storeField.Substring(1),
    };

    /// <summary>The vendor profiles in the order the screen offers them: the two named vendors first, then the default, then any of the host's own.</summary>
    public static IReadOnlyList<string> VendorNames(Sip2VendorProfileCatalog vendors)
    {
        string[] preferred = ["Bibliotheca", "Envisionware", "Default"];
        return preferred.Where(vendors.Contains)
            .Concat(vendors.Names.Where(n => !preferred.Contains(n, StringComparer.OrdinalIgnoreCase)).OrderBy(n => n, StringComparer.OrdinalIgnoreCase))
            .ToArray();
    }

    public static Sip2RegistryError Invalid(string field, string message) => new(Sip2RegistryRule.InvalidValue, field, message);

    public static string? EmptyToNull(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>The key of a branch in forms and links: <c>INSTITUTION/BRANCH</c>.</summary>
    public static string BranchKey(string institutionId, string branchId) => institutionId + "/" + branchId;

    public static bool TryParseBranchKey(string? key, out string institutionId, out string branchId)
    {
        var slash = key?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        institutionId = slash > 0 ? key!.Substring(0, slash) : "";
        branchId = slash > 0 ? key!.Substring(slash + 1) : "";
        return slash > 0 && branchId.Length > 0;
    }
}
