using Sip2.Net.Resolution;

namespace Sip2.Net.Access;

/// <summary>An institution's own screen message (AF) text for one scenario, replacing the catalogue's default.</summary>
public sealed record Sip2MessageOverride
{
    /// <summary>The institution (AO).</summary>
    public required string InstitutionId { get; init; }

    /// <summary>The scenario the text is for.</summary>
    public required Sip2MessageScenario Scenario { get; init; }

    /// <summary>The text a kiosk shows.</summary>
    public required string Text { get; init; }
}
