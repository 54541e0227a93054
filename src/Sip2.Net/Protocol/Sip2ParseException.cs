using System;

namespace Sip2.Net.Protocol;

/// <summary>Thrown by the throwing parse overloads; carries the <see cref="Sip2ParseError"/>.</summary>
public sealed class Sip2ParseException : Sip2Exception
{
    /// <summary>Wraps a parse error.</summary>
    public Sip2ParseException(Sip2ParseError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).ToString()) => Error = error;

    /// <summary>What went wrong.</summary>
    public Sip2ParseError Error { get; }
}
