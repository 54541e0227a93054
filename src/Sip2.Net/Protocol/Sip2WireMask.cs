using System;
using System.Text;
using Sip2.Net.Messages;

namespace Sip2.Net.Protocol;

/// <summary>
/// Masks secrets in message text for logs, traces and wire views: the one masker of the server, the client and the
/// <c>sip2</c> tool. Which fields are secret is <see cref="FieldId.IsSecret"/> (CO, AC, AD), defined once.
/// </summary>
public static class Sip2WireMask
{
    /// <summary>What a secret value is replaced with.</summary>
    public const string Masked = "***";

    /// <summary>
    /// The message text (without terminator) with the value of every secret field replaced by <see cref="Masked"/>.
    /// Fields start after the fixed part (its length comes from the message table) and after each delimiter. For a
    /// command the table does not know, where the fixed part ends is unknown, so the first segment is searched for a
    /// secret id anywhere: masking too much is safe, too little is not.
    /// </summary>
    /// <param name="text">A message as text.</param>
    /// <param name="delimiter">The field delimiter, normally <c>|</c>.</param>
    public static string Mask(string text, char delimiter = '|')
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (text.Length < 2)
        {
            return text;
        }

        var command = char.IsDigit(text[0]) && char.IsDigit(text[1]) ? (Sip2Command)(((text[0] - '0') * 10) + (text[1] - '0')) : (Sip2Command)(-1);
        var known = Sip2MessageTable.TryGet(command, out var descriptor);
        var position = known ? Math.Min(text.Length, 2 + descriptor.FixedLength) : 2;
        StringBuilder? masked = null;
        for (var first = true; position <= text.Length; first = false)
        {
            var end = text.IndexOf(delimiter, position);
            end = end < 0 ? text.Length : end;
            var secretAt = IsSecretAt(text, position, end) ? position : -1;
            for (var i = position; secretAt < 0 && first && !known && i < end - 1; i++)
            {
                secretAt = IsSecretAt(text, i, end) ? i : -1;
            }

            if (secretAt >= 0 && end - secretAt > 2)
            {
                masked ??= new StringBuilder(text);
                var offset = masked.Length - text.Length;
                masked.Remove(secretAt + 2 + offset, end - secretAt - 2).Insert(secretAt + 2 + offset, Masked);
            }

            position = end + 1;
        }

        return masked?.ToString() ?? text;
    }

    private static bool IsSecretAt(string text, int at, int end) =>
        end - at >= 2 && text[at] < 0x80 && text[at + 1] < 0x80 && FieldId.TryCreate((byte)text[at], (byte)text[at + 1], out var id) && id.IsSecret;
}
