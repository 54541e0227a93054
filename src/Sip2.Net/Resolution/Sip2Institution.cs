namespace Sip2.Net.Resolution;

/// <summary>
/// A library institution, the tenant a client registration belongs to. Its id is what SIP2 sends as the
/// institution id (AO); ids are compared case-insensitively everywhere in Sip2.Net.
/// </summary>
public sealed record Sip2Institution
{
    /// <summary>The institution id (AO), for example <c>MAIN</c>. Required.</summary>
    public required string Id { get; init; }

    /// <summary>A display name, for administrators and logs.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The id of the <see cref="Sip2InstitutionGroup"/> the institution belongs to, or null when it belongs to
    /// none. A registration with <see cref="Sip2ResolutionLevel.WholeGroup"/> sees the whole group.
    /// </summary>
    public string? GroupId { get; init; }
}
