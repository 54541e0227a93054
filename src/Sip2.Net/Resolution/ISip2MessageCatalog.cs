namespace Sip2.Net.Resolution;

/// <summary>Turns a <see cref="Sip2MessageScenario"/> into the screen message (AF) text for an institution.</summary>
public interface ISip2MessageCatalog
{
    /// <summary>
    /// The text for <paramref name="scenario"/>: the institution's override when it has one, otherwise the
    /// default text. Never null; must be thread-safe.
    /// </summary>
    /// <param name="scenario">The situation to describe.</param>
    /// <param name="institutionId">The session's institution, or null for the default text.</param>
    string GetText(Sip2MessageScenario scenario, string? institutionId);
}
