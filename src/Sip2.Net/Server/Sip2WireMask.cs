using System;
using Sip2.Net.Messages;

namespace Sip2.Net.Server;

/// <summary>Renders wire text for logs with the values of CO, AC and AD masked.</summary>
public static class Sip2WireMask
{
    /// <summary>
    /// The text of a frame with every login password (CO), terminal password (AC) and patron password (AD)
    /// value replaced by <c>***</c>. Fields are found after each delimiter and right after the fixed part of
    /// a known message; for an unknown command only the code and length are shown, since its fields cannot
    /// be told apart from its fixed data.
    /// </summary>
    public static string Mask(string wire, char delimiter = '|')
    {
        if (wire is null)
        {
            throw new ArgumentNullException(nameof(wire));
        }

        if (wire.Length < 2 || !char.IsDigit(wire[0]) || !char.IsDigit(wire[1])
            || !Sip2MessageTable.TryGet((Sip2Command)(((wire[0] - '0') * 10) + (wire[1] - '0')), out var descriptor))
        {
            return $"<{wire.Length} characters, unknown command>";
        }

        var text = new System.Text.StringBuilder(wire.Length);
        var fieldsStart = Math.Min(wire.Length, 2 + descriptor.FixedLength);
        text.Append(wire, 0, fieldsStart);
        var position = fieldsStart;
        while (position < wire.Length)
        {
            var end = wire.IndexOf(delimiter, position);
            if (end < 0)
            {
                end = wire.Length;
            }

            var secret = end - position >= 2 && IsSecret(wire[position], wire[position + 1]);
            if (secret)
            {
                text.Append(wire, position, 2).Append("***");
            }
            else
            {
                text.Append(wire, position, end - position);
            }

            if (end < wire.Length)
            {
                text.Append(delimiter);
            }

            position = end + 1;
        }

        return text.ToString();
    }

    private static bool IsSecret(char a, char b) => (a, b) is ('C', 'O') or ('A', 'C') or ('A', 'D');
}
