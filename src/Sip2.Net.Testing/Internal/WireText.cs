using System;
using System.Text;
using Sip2.Net.Encodings;

namespace Sip2.Net.Testing.Internal;

// Bytes as readable text for failure messages: passwords (CO, AC, AD) masked, control characters shown as \r, \n or \xNN.
internal static class WireText
{
    public static string Show(ReadOnlySpan<byte> bytes, Sip2Encoding encoding)
    {
        var text = new StringBuilder();
        foreach (var c in Sip2.Net.Protocol.Sip2WireMask.Mask(encoding.GetString(bytes), '|'))
        {
            text.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                < ' ' or '\x7F' => $"\\x{(int)c:X2}",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }
}
