namespace Sip2.Net.Messages;

/// <summary>Status code of an SC Status message (1 digit).</summary>
public enum ScStatusCode
{
    /// <summary>0 SC is OK.</summary>
    Ok = 0,
    /// <summary>1 SC printer is out of paper.</summary>
    PrinterOutOfPaper = 1,
    /// <summary>2 SC is about to shut down.</summary>
    ShuttingDown = 2,
}
