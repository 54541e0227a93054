namespace Sip2.Net.Protocol;

/// <summary>Why a message could not be read.</summary>
public enum Sip2ErrorCode
{
    /// <summary>The frame held no bytes.</summary>
    Empty = 1,
    /// <summary>The frame does not start with two digits.</summary>
    InvalidCommandCode,
    /// <summary>Two digits, but not a SIP2 2.00 command code.</summary>
    UnknownCommand,
    /// <summary>The fixed part ends early (or is interrupted by a field delimiter).</summary>
    TruncatedFixedPart,
    /// <summary>Strict mode: a fixed field's text is not of its kind.</summary>
    InvalidFixedField,
    /// <summary>Strict mode: a required variable field is missing.</summary>
    MissingRequiredField,
    /// <summary>Strict mode: a variable field's text is not of its kind.</summary>
    InvalidFieldValue,
    /// <summary>Strict mode: a field that may appear once appears again.</summary>
    DuplicateField,
    /// <summary>Strict mode: an empty segment (<c>||</c>), a segment without a two-character id, or a trailer id (AY, AZ) among the fields.</summary>
    MalformedField,
    /// <summary>Strict mode: text after the last field delimiter.</summary>
    TrailingData,
    /// <summary>Strict mode: a variable field longer than 255 characters.</summary>
    FieldTooLong,
    /// <summary>Strict mode: a control character (such as NUL) inside the message.</summary>
    InvalidCharacter,
    /// <summary>The checksum (AZ) does not match the bytes.</summary>
    ChecksumMismatch,
    /// <summary>Error detection is on and the message carries no checksum.</summary>
    ChecksumMissing,
    /// <summary>The message is longer than the configured cap.</summary>
    MessageTooLong,
}
