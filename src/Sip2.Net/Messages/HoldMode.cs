namespace Sip2.Net.Messages;

/// <summary>Hold mode of a Hold request (1 character). The value of each member is the wire character.</summary>
public enum HoldMode
{
    /// <summary><c>+</c> add a hold.</summary>
    Add = '+',
    /// <summary><c>-</c> delete a hold.</summary>
    Delete = '-',
    /// <summary><c>*</c> change a hold.</summary>
    Change = '*',
}
