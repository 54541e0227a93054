namespace Sip2.Net.Messages;

/// <summary>How a field's text is read and validated. Each kind maps to one property type in the message records.</summary>
public enum Sip2FieldKind
{
    /// <summary>Free text (<see cref="string"/>).</summary>
    Text,
    /// <summary><c>Y</c> or <c>N</c> (<see cref="bool"/>; <c>bool?</c> for an optional variable field).</summary>
    YesNo,
    /// <summary><c>Y</c>, <c>N</c> or <c>U</c> for unknown (<c>bool?</c>).</summary>
    YesNoUnknown,
    /// <summary><c>1</c> or <c>0</c>, the "ok" fields (<see cref="bool"/>).</summary>
    OneZero,
    /// <summary>Decimal digits; fixed fields zero-padded to their length (<c>int?</c>).</summary>
    Number,
    /// <summary>A 4-digit count, or 4 spaces when not supplied (<c>int?</c>).</summary>
    Count,
    /// <summary>An 18-character date, <c>YYYYMMDDZZZZHHMMSS</c>; blank is null (<see cref="Sip2Timestamp"/>?).</summary>
    Timestamp,
    /// <summary>The 14-position patron status (<see cref="Messages.PatronStatus"/>).</summary>
    PatronStatus,
    /// <summary>The 10-position summary (<see cref="PatronSummary"/>).</summary>
    Summary,
    /// <summary>The 16-position supported-messages string (<see cref="Messages.SupportedMessages"/>).</summary>
    SupportedMessages,
    /// <summary>A numeric code of a code table, of a fixed number of digits (a nullable enum).</summary>
    Code,
    /// <summary>A single character (<see cref="char"/>, or an enum whose values are characters).</summary>
    Character,
    /// <summary>A money amount (<see cref="Sip2Amount"/>?).</summary>
    Amount,
}
