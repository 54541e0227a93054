using Sip2.Net.TestSupport;
using System.IO;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sip2.Net.Client;
using Sip2.Net.Server;

namespace Sip2.Net.SampleHost.Tests;

// docs/quickstart.md is code a reader copies: its C# and JSON are the files of samples/Sip2.Net.Quickstart (which the
// solution builds), its interface signatures are the interfaces' own, and the server it builds serves a kiosk.
public sealed class QuickstartTests
{
    private static readonly string Root = Repository.Root;

    private static List<(string Language, string Code)> Blocks() =>
        Regex.Matches(File.ReadAllText(Path.Combine(Root, "docs", "quickstart.md")), "```(?<language>[a-z]+)\n(?<code>.*?)```", RegexOptions.Singleline)
            .Select(m => (m.Groups["language"].Value, m.Groups["code"].Value.TrimEnd('\n')))
            .ToList();

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    [Fact]
    public void Every_code_block_of_the_page_is_a_file_of_the_quickstart_project_as_it_is()
    {
        var files = Directory.GetFiles(Path.Combine(Root, "samples", "Sip2.Net.Quickstart"))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f).TrimEnd('\n'));
        var shown = Blocks().Where(b => b.Language is "csharp" or "json" && !b.Code.StartsWith("// The signatures of", StringComparison.Ordinal)).ToList();

        Assert.Equal(4, shown.Count);
        foreach (var (_, code) in shown)
        {
            Assert.True(files.ContainsValue(code), $"docs/quickstart.md shows code that is no file of samples/Sip2.Net.Quickstart:\n{code}");
        }

        Assert.All(files, file => Assert.Contains(file.Value, shown.Select(b => b.Code)));
    }

    [Theory]
    [InlineData("IResolutionStrategy", "src/Sip2.Net/Resolution/IResolutionStrategy.cs", 3)]
    [InlineData("ISip2ClientRegistry", "src/Sip2.Net/Access/ISip2ClientRegistry.cs", 12)]
    public void The_signatures_shown_are_every_member_of_the_interface(string name, string source, int members)
    {
        var block = Assert.Single(Blocks(), b => b.Code.StartsWith($"// The signatures of {name} ", StringComparison.Ordinal)).Code;
        var declared = File.ReadAllLines(Path.Combine(Root, source))
            .Select(l => l.Trim())
            .Where(l => l.EndsWith(';') && !l.StartsWith("using ", StringComparison.Ordinal) && !l.StartsWith("namespace ", StringComparison.Ordinal) && !l.StartsWith("//", StringComparison.Ordinal))
            .Select(Normalize)
            .ToList();
        var shown = block.Split('\n').Skip(1).Select(Normalize).ToList();

        Assert.Equal(members, declared.Count);
        Assert.Equal(declared, shown);
    }

    [Fact]
    public async Task The_quickstart_server_logs_its_kiosk_in_and_answers_a_checkout()
    {
        // Its own appsettings.json (the sample host's lands in this test's output too), and a free port.
        var contentRoot = Path.Combine(Root, "samples", "Sip2.Net.Quickstart");
        using var host = Quickstart.QuickstartHost.Create([$"--contentRoot={contentRoot}", "--Sip2:Server:Endpoints:0:Port=0"]);
        await host.StartAsync();
        try
        {
            var port = host.Services.GetRequiredService<Sip2Server>().BoundEndpoints[0].Port;
            await using var kiosk = new Sip2Client(new Sip2ClientOptions
            {
                Host = "127.0.0.1",
                Port = port,
                InstitutionId = "main",
            });
            await kiosk.ConnectAsync();
            await kiosk.LoginAsync("kiosk1", "kiosk1-secret");

            var checkout = await kiosk.CheckoutAsync("21001", "31001");

            Assert.True(checkout.Ok);
            Assert.Equal("The Hobbit", checkout.TitleIdentifier);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
