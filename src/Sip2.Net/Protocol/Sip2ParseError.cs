using Sip2.Net.Messages;

namespace Sip2.Net.Protocol;

/// <summary>
/// A typed description of why a message could not be read: what, where (byte offset in the frame), and which
/// field. The text never contains a field's value, so it is safe to log even when the field is a password.
/// </summary>
public sealed class Sip2ParseError
{
    internal Sip2ParseError(Sip2ErrorCode code, int offset, FieldId? field, string message)
    {
        Code = code;
        Offset = offset;
        Field = field;
        Message = message;
    }

    /// <summary>The kind of error.</summary>
    public Sip2ErrorCode Code { get; }

    /// <summary>Byte offset in the frame where the problem was found.</summary>
    public int Offset { get; }

    /// <summary>The variable field concerned, if any.</summary>
    public FieldId? Field { get; }

    /// <summary>A readable explanation (never includes field values).</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Code} at byte {Offset}: {Message}";
}
