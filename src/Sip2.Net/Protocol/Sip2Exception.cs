using System;

namespace Sip2.Net.Protocol;

/// <summary>The base of the exceptions Sip2.Net throws for protocol failures.</summary>
public class Sip2Exception : Exception
{
    /// <summary>Creates the exception.</summary>
    public Sip2Exception()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public Sip2Exception(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public Sip2Exception(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
