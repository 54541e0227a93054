using System;
using Sip2.Net.Protocol;

namespace Sip2.Net.Client;

/// <summary>Connecting, or waiting for a response, took longer than the configured timeout. The connection is closed.</summary>
public sealed class Sip2TimeoutException : Sip2Exception
{
    /// <summary>Creates the exception.</summary>
    public Sip2TimeoutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public Sip2TimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public Sip2TimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
