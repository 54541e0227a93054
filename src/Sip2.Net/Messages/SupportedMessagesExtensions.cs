namespace Sip2.Net.Messages;

/// <summary>Helpers over <see cref="SupportedMessages"/>.</summary>
public static class SupportedMessagesExtensions
{
    /// <summary>
    /// The supported-messages flag that governs a request, or <see cref="SupportedMessages.None"/> for a
    /// code that no flag covers (responses).
    /// </summary>
    public static SupportedMessages ForRequest(Sip2Command command) => command switch
    {
        Sip2Command.PatronStatusRequest => SupportedMessages.PatronStatusRequest,
        Sip2Command.Checkout => SupportedMessages.Checkout,
        Sip2Command.Checkin => SupportedMessages.Checkin,
        Sip2Command.BlockPatron => SupportedMessages.BlockPatron,
        Sip2Command.ScStatus => SupportedMessages.ScAcsStatus,
        Sip2Command.RequestAcsResend => SupportedMessages.RequestScAcsResend,
        Sip2Command.Login => SupportedMessages.Login,
        Sip2Command.PatronInformation => SupportedMessages.PatronInformation,
        Sip2Command.EndPatronSession => SupportedMessages.EndPatronSession,
        Sip2Command.FeePaid => SupportedMessages.FeePaid,
        Sip2Command.ItemInformation => SupportedMessages.ItemInformation,
        Sip2Command.ItemStatusUpdate => SupportedMessages.ItemStatusUpdate,
        Sip2Command.PatronEnable => SupportedMessages.PatronEnable,
        Sip2Command.Hold => SupportedMessages.Hold,
        Sip2Command.Renew => SupportedMessages.Renew,
        Sip2Command.RenewAll => SupportedMessages.RenewAll,
        _ => SupportedMessages.None,
    };

    /// <summary>Whether <paramref name="supported"/> lets an SC send <paramref name="command"/>.</summary>
    public static bool Allows(this SupportedMessages supported, Sip2Command command)
    {
        var flag = ForRequest(command);
        return flag != SupportedMessages.None && (supported & flag) == flag;
    }
}
