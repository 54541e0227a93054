using System.Globalization;
using Sip2.Net.Messages;

namespace Sip2.Net.Diagnostics.Internal;

/// <summary>A command's code as a tag value, "00" to "99" made once, so a tag never formats a number per message.</summary>
internal static class CommandTexts
{
    private static readonly string[] Texts = Create();

    public static string Of(Sip2Command command)
    {
        var code = (int)command;
        return code is >= 0 and < 100 ? Texts[code] : code.ToString(CultureInfo.InvariantCulture);
    }

    private static string[] Create()
    {
        var texts = new string[100];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = i.ToString("00", CultureInfo.InvariantCulture);
        }

        return texts;
    }
}
