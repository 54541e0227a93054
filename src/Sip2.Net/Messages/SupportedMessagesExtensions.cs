namespace Sip2.Net.Messages;

/// <summary>Helpers over <see cref="SupportedMessages"/>.</summary>
public static class SupportedMessagesExtensions
{
    /// <summary>
    /// The supported-messages flag that governs a request, or <see cref="SupportedMessages.None"/> for a
    /// code that no flag covers (responses).
    /// </summary>
    public static SupportedMessages ForRequest(Sip2Command command) =>
        Sip2MessageTable.TryGet(command, out var descriptor) ? descriptor.SupportedFlag : SupportedMessages.None;

    /// <summary>Whether <paramref name="supported"/> lets an SC send <paramref name="command"/>.</summary>
    public static bool Allows(this SupportedMessages supported, Sip2Command command)
    {
        var flag = ForRequest(command);
        return flag != SupportedMessages.None && (supported & flag) == flag;
    }
}
