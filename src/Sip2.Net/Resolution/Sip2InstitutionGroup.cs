namespace Sip2.Net.Resolution;

/// <summary>A group of institutions (a consortium) whose members may share patrons and items.</summary>
public sealed record Sip2InstitutionGroup
{
    /// <summary>The group id. Required.</summary>
    public required string Id { get; init; }

    /// <summary>A display name, for administrators and logs.</summary>
    public string? Name { get; init; }
}
