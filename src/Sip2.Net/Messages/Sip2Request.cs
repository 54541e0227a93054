namespace Sip2.Net.Messages;

/// <summary>
/// A request the SC sends, typed by the response the ACS answers it with: <c>CheckoutRequest</c> is a
/// <c>Sip2Request&lt;CheckoutResponse&gt;</c>. The type lets a client's <c>SendAsync(request)</c> return the right
/// response and a back end refuse a request with <c>context.Refuse(request, scenario)</c> without a cast.
/// </summary>
/// <typeparam name="TResponse">The response message.</typeparam>
public abstract record Sip2Request<TResponse> : Sip2Message
    where TResponse : Sip2Message
{
    /// <summary>Starts a request with the defaults of its table entry.</summary>
    protected Sip2Request(Sip2Command command)
        : base(command)
    {
    }
}
