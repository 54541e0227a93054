namespace Sip2.Net.Protocol;

/// <summary>How sequence numbers (AY) and checksums (AZ) are treated.</summary>
public enum Sip2ErrorDetectionMode
{
    /// <summary>
    /// Per message: a message that carries a checksum is verified and answered with one; a message without is
    /// accepted and answered without (what Evergreen and Koha do).
    /// </summary>
    Auto = 0,
    /// <summary>Every message must carry a valid checksum; one without is refused (answered with 96).</summary>
    On = 1,
    /// <summary>Checksums are neither verified nor written; a trailer that arrives is still recognised and removed.</summary>
    Off = 2,
}
