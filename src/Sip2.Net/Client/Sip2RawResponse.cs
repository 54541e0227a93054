using Sip2.Net.Protocol;

namespace Sip2.Net.Client;

/// <summary>The answer to <see cref="Sip2Client.SendRawAsync"/>: the response as text and as parsed.</summary>
public sealed class Sip2RawResponse
{
    internal Sip2RawResponse(string text, Sip2ParseResult result)
    {
        Text = text;
        Result = result;
    }

    /// <summary>The response as received, decoded with the client's encoding, without its terminator. Not masked.</summary>
    public string Text { get; }

    /// <summary>The parsed response, or why it could not be parsed.</summary>
    public Sip2ParseResult Result { get; }

    /// <inheritdoc/>
    public override string ToString() => Result.Message?.ToString() ?? Result.Error?.ToString() ?? "";
}
