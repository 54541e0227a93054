using System;

namespace Sip2.Net.SampleHost;

/// <summary>A configuration or data problem that stops the host from starting; the message is meant for the console.</summary>
internal sealed class SampleHostStartupException : Exception
{
    public SampleHostStartupException()
    {
    }

    public SampleHostStartupException(string message)
        : base(message)
    {
    }

    public SampleHostStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
