using System;
using Sip2.Net.Messages;

namespace Sip2.Net.Server.Internal;

/// <summary>
/// The well-formed "no" to every back-end request, built from the message table alone: the response of the matching
/// type with each fixed field's failure text (ok 0, desensitize N, counts 0000, patron status "unknown patron"), the
/// transaction date of now, the request's language echoed, every field the request carried that the response also
/// has echoed (institution, patron, item, title, transaction id; never a password), the failure values (valid patron
/// N), required fields present and empty, and the screen message. These are what Evergreen and Koha send, so kiosks
/// recognise them.
/// </summary>
internal static class FailureResponses
{
    public static Sip2Message For(Sip2Message request, string screenMessage, Sip2Timestamp now)
    {
        if (!request.Descriptor.IsBackendRequest || request.Descriptor.ResponseCommand is not { } responseCommand)
        {
            throw new ArgumentException($"{request.Command} is not answered by the back end, so it has no failure response.", nameof(request));
        }

        var response = Sip2MessageTable.Create(responseCommand);
        var texts = response.FixedTextStorage;
        foreach (var field in response.Descriptor.FixedFields)
        {
            texts[field.Index] = field.Kind == Sip2FieldKind.Timestamp ? now.ToString()
                : request.FixedText(f => f.PropertyName == field.PropertyName && f.Kind != Sip2FieldKind.Timestamp) ?? field.FailureText; // the language of 23 and 63
        }

        var fields = response.FieldStorage;
        fields.Clear();
        foreach (var field in response.Descriptor.Fields)
        {
            var value = field.FailureValue
                ?? (field.Id.IsSecret ? null : request.GetField(field.Id))
                ?? (field.Id == FieldId.ScreenMessage && screenMessage.Length > 0 ? screenMessage : null)
                ?? (field.IsRequired ? "" : null);
            if (value is not null)
            {
                fields.Add(new Sip2Field(field.Id, value));
            }
        }

        return response;
    }
}
