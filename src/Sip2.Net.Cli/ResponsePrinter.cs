using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Cli;

/// <summary>
/// Renders any message as readable text or JSON from its table entry (fixed fields by name, variable fields
/// by id and name), so one printer serves every message, vendor extensions and unknown fields included.
/// Password values are masked.
/// </summary>
internal static class ResponsePrinter
{
    private const string Mask = "***";

    public static void WriteText(TextWriter output, Sip2Message message)
    {
        var descriptor = message.Descriptor;
        output.WriteLine($"{descriptor.SpecName} ({(int)message.Command:00})");
        var rows = new List<(string Label, string Value)>();
        for (var i = 0; i < descriptor.FixedFields.Count; i++)
        {
            rows.Add((descriptor.FixedFields[i].SpecName, message.FixedFieldTexts[i]));
        }

        foreach (var field in message.Fields)
        {
            var name = descriptor.FindField(field.Id)?.SpecName ?? "(unknown field)";
            rows.Add(($"{field.Id} {name}", field.Id.IsSecret ? Mask : field.Value));
        }

        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Label.Length);
        foreach (var (label, value) in rows)
        {
            output.WriteLine($"  {label.PadRight(width)}  {value}");
        }
    }

    public static void WriteJson(TextWriter output, Sip2Message? message, string? raw = null, Sip2ParseError? error = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            if (message is not null)
            {
                WriteMessage(json, message);
            }

            if (raw is not null)
            {
                json.WriteString("raw", raw);
            }

            if (error is not null)
            {
                json.WriteString("error", error.ToString());
            }

            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteMessage(Utf8JsonWriter json, Sip2Message message)
    {
        var descriptor = message.Descriptor;
        json.WriteString("command", ((int)message.Command).ToString("00", CultureInfo.InvariantCulture));
        json.WriteString("name", descriptor.SpecName);
        json.WriteStartObject("fixed");
        for (var i = 0; i < descriptor.FixedFields.Count; i++)
        {
            json.WriteString(descriptor.FixedFields[i].PropertyName, message.FixedFieldTexts[i]);
        }

        json.WriteEndObject();
        json.WriteStartArray("fields");
        foreach (var field in message.Fields)
        {
            json.WriteStartObject();
            json.WriteString("id", field.Id.ToString());
            if (descriptor.FindField(field.Id) is { } known)
            {
                json.WriteString("name", known.SpecName);
            }

            json.WriteString("value", field.Id.IsSecret ? Mask : field.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
