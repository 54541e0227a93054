using System;
using System.Collections.Generic;
using System.Linq;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Vendors;

/// <summary>
/// How the server writes for one kind of self-check client: data, not code paths. Every profile reads input
/// leniently; a profile only shapes output. A registration names its profile by <see cref="Name"/>.
/// </summary>
public sealed record Sip2VendorProfile
{
    private readonly IReadOnlyCollection<FieldId> extensionFields = Array.Empty<FieldId>();

    /// <summary>The name registrations use to pick the profile, compared case-insensitively. Required.</summary>
    public required string Name { get; init; }

    /// <summary>The bytes written after each response. Default: <see cref="Sip2Terminator.Cr"/>, as the standard says.</summary>
    public Sip2Terminator Terminator { get; init; } = Sip2Terminator.Cr;

    /// <summary>How sequence numbers and checksums are treated. Default: <see cref="Sip2ErrorDetectionMode.Auto"/>.</summary>
    public Sip2ErrorDetectionMode ErrorDetection { get; init; } = Sip2ErrorDetectionMode.Auto;

    /// <summary>The encoding suggested for new registrations of this vendor. Default: <see cref="Sip2CharacterEncoding.Ibm850"/>.</summary>
    public Sip2CharacterEncoding DefaultEncoding { get; init; } = Sip2CharacterEncoding.Ibm850;

    /// <summary>
    /// The extension fields (outside the 2.00 standard) the server emits in responses when the back end
    /// supplies a value, for example <see cref="FieldId.SortBin"/> (CL) or <see cref="FieldId.PatronBirthDate"/>
    /// (PB). Fields not listed are left out. Default: none.
    /// </summary>
    public IReadOnlyCollection<FieldId> ExtensionFields
    {
        get => extensionFields;
        init => extensionFields = value is null ? Array.Empty<FieldId>() : value.Distinct().ToArray();
    }

    /// <summary>
    /// Whether optional fields without a value are written empty (<c>AF|</c>) rather than left out. Default:
    /// false, the strict reading of the standard.
    /// </summary>
    public bool SendEmptyOptionalFields { get; init; }

    /// <summary>
    /// Whether checkin answers set the alert flag for items on hold or in transit, so sorters divert them
    /// (what 3M/Bibliotheca units expect). Default: false.
    /// </summary>
    public bool AlertOnHoldOrTransit { get; init; }

    /// <summary>Whether <paramref name="field"/> is among <see cref="ExtensionFields"/>.</summary>
    public bool Emits(FieldId field) => extensionFields.Contains(field);
}
