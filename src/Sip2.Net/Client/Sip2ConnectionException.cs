using System;
using Sip2.Net.Protocol;

namespace Sip2.Net.Client;

/// <summary>The connection could not be opened (refused, name not found, TLS failure) or was lost.</summary>
public sealed class Sip2ConnectionException : Sip2Exception
{
    /// <summary>Creates the exception.</summary>
    public Sip2ConnectionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public Sip2ConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public Sip2ConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
