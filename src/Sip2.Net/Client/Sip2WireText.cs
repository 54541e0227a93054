using System;
using System.Text;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;

namespace Sip2.Net.Client;

/// <summary>Masks password values (CO, AC, AD) in message text, for logs and wire views.</summary>
public static class Sip2WireText
{
    /// <summary>What a secret value is replaced with.</summary>
    public const string Mask = "***";

    internal static string ToMaskedText(ReadOnlySpan<byte> frame, Sip2Encoding encoding, char delimiter) =>
        MaskSecrets(encoding.GetString(frame), delimiter);

    /// <summary>
    /// The message text (without terminator) with the value of every secret field replaced by <see cref="Mask"/>.
    /// </summary>
    /// <remarks>
    /// Masks the value of every secret field. Fields start after the fixed part (its length comes from the
    /// message table) and after each delimiter. For a command the table does not know, where the fixed part
    /// ends is unknown, so the first segment is searched for a secret id anywhere: masking too much is safe,
    /// too little is not.
    /// </remarks>
    /// <param name="text">A message as text.</param>
    /// <param name="delimiter">The field delimiter, normally <c>|</c>.</param>
    public static string MaskSecrets(string text, char delimiter = '|')
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (text.Length < 2)
        {
            return text;
        }

        var known = false;
        var fieldsStart = 2;
        if (char.IsDigit(text[0]) && char.IsDigit(text[1])
            && Sip2MessageTable.TryGet((Sip2Command)(((text[0] - '0') * 10) + (text[1] - '0')), out var descriptor))
        {
            known = true;
            fieldsStart = Math.Min(text.Length, 2 + descriptor.FixedLength);
        }

        StringBuilder? masked = null;
        var position = fieldsStart;
        var first = true;
        while (position <= text.Length)
        {
            var end = text.IndexOf(delimiter, position);
            if (end < 0)
            {
                end = text.Length;
            }

            var secretAt = -1;
            if (IsSecretAt(text, position, end))
            {
                secretAt = position;
            }
            else if (first && !known)
            {
                for (var i = position; i < end - 1 && secretAt < 0; i++)
                {
                    if (IsSecretAt(text, i, end))
                    {
                        secretAt = i;
                    }
                }
            }

            if (secretAt >= 0 && end - secretAt > 2)
            {
                masked ??= new StringBuilder(text);
                var offset = masked.Length - text.Length;
                masked.Remove(secretAt + 2 + offset, end - secretAt - 2).Insert(secretAt + 2 + offset, Mask);
            }

            first = false;
            position = end + 1;
        }

        return masked?.ToString() ?? text;
    }

    private static bool IsSecretAt(string text, int at, int end)
    {
        if (end - at < 2)
        {
            return false;
        }

        var a = text[at];
        var b = text[at + 1];
        return (a == 'C' && b == 'O') || (a == 'A' && (b == 'C' || b == 'D'));
    }
}
