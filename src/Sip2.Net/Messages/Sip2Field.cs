namespace Sip2.Net.Messages;

/// <summary>One variable-length field as it travels: its id and its decoded text.</summary>
/// <param name="Id">The two-character id.</param>
/// <param name="Value">The decoded text, without the delimiter.</param>
public readonly record struct Sip2Field(FieldId Id, string Value)
{
    /// <summary>Shows the id and the value, with the value of a secret field (CO, AC, AD) masked.</summary>
    public override string ToString() => Id.IsSecret ? $"{Id}=***" : $"{Id}={Value}";
}
