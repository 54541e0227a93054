using Sip2.Net.TestSupport;
using System.Text;
using Sip2.Net.Messages;

namespace Sip2.Net.Tests.Docs;

/// <summary>
/// docs/messages.md is generated from the message table. This test fails when the file is out of date;
/// regenerate it with <c>SIP2_UPDATE_DOCS=1 dotnet test --filter MessagesDoc</c>.
/// </summary>
public class MessagesDocTests
{
    [Fact]
    public void Messages_reference_matches_the_table()
    {
        var path = Path.Combine(Repository.Root, "docs", "messages.md");
        var expected = Render();
        if (Environment.GetEnvironmentVariable("SIP2_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), "docs/messages.md is missing; run SIP2_UPDATE_DOCS=1 dotnet test --filter MessagesDoc");
        Assert.True(expected == File.ReadAllText(path).ReplaceLineEndings("\n"),
            "docs/messages.md is out of date with the message table; run SIP2_UPDATE_DOCS=1 dotnet test --filter MessagesDoc");
    }

    internal static string Render()
    {
        var text = new StringBuilder();
        text.Append("# SIP2 message reference\n\n");
        text.Append("Generated from `Sip2MessageTable` (src/Sip2.Net/Messages/Sip2MessageTable.cs) by `MessagesDocTests`; do not edit by hand.\n");
        text.Append("Regenerate with `SIP2_UPDATE_DOCS=1 dotnet test --filter MessagesDoc`.\n\n");
        text.Append("Each message is its two-digit code, its fixed fields (by position, no ids), then its variable fields\n");
        text.Append("(two-character id, value, `|`), in any order. R = required, O = optional, * = may repeat, ext = vendor extension.\n");
        text.Append("Property names are those of the message record in `Sip2.Net.Messages`.\n\n");

        text.Append("| Code | Message | Record | Direction | Answered by |\n|---|---|---|---|---|\n");
        foreach (var d in Sip2MessageTable.All)
        {
            text.Append($"| {(int)d.Command:00} | [{d.SpecName}](#{Anchor(d)}) | `{d.MessageType.Name}` | {(d.IsRequest ? "SC → ACS" : "ACS → SC")} | {(d.ResponseCommand is { } r ? $"{(int)r:00}" : "")} |\n");
        }

        foreach (var d in Sip2MessageTable.All)
        {
            text.Append($"\n## {(int)d.Command:00} {d.SpecName}\n\n");
            text.Append($"Record `{d.MessageType.Name}`; {(d.IsRequest ? "SC → ACS" : "ACS → SC")}; fixed part {d.FixedLength} characters.\n\n");
            if (d.FixedFields.Count > 0)
            {
                text.Append("| Pos | Len | Fixed field | Property | Kind | Default |\n|---|---|---|---|---|---|\n");
                foreach (var f in d.FixedFields)
                {
                    text.Append($"| {f.Offset + 2} | {f.Length} | {f.SpecName} | `{f.PropertyName}` | {Kind(f.Kind, f.ValueType)} | `{f.DefaultText.Replace(" ", "␠")}` |\n");
                }

                text.Append('\n');
            }

            if (d.Fields.Count > 0)
            {
                text.Append("| Id | Variable field | Property | Kind | R/O |\n|---|---|---|---|---|\n");
                foreach (var f in d.Fields)
                {
                    var use = (f.IsRequired ? "R" : "O") + (f.IsRepeatable ? "*" : "") + (f.IsExtension ? " ext" : "");
                    text.Append($"| {f.Id} | {f.SpecName}{(f.Id.IsSecret ? " (secret: never logged)" : "")} | `{f.PropertyName}` | {Kind(f.Kind, f.ValueType)} | {use} |\n");
                }
            }
            else
            {
                text.Append("No variable fields.\n");
            }
        }

        return text.ToString();
    }

    private static string Anchor(Sip2MessageDescriptor d) =>
        $"{(int)d.Command:00}-{d.SpecName.ToLowerInvariant().Replace(' ', '-')}";

    private static string Kind(Sip2FieldKind kind, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return kind switch
        {
            Sip2FieldKind.Code or Sip2FieldKind.Character when underlying.IsEnum => $"{kind} (`{underlying.Name}`)",
            _ => kind.ToString(),
        };
    }
}
