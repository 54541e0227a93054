namespace Sip2.Net.Resolution;

/// <summary>Which patrons and items a client registration's sessions may see.</summary>
public enum Sip2ResolutionLevel
{
    /// <summary>Only patrons and items of the session's own institution (the default).</summary>
    LocalInstitutionOnly = 0,
    /// <summary>
    /// Patrons and items of every institution in the session institution's group, plus temporary items
    /// created for interlibrary loan.
    /// </summary>
    WholeGroup = 1,
}
