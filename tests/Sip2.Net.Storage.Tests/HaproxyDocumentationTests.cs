namespace Sip2.Net.Storage.Tests;

/// <summary>docs/storage.md shows the HAProxy configuration the two-instance test runs.</summary>
public sealed class HaproxyDocumentationTests
{
    [Fact]
    public void The_documented_configuration_is_the_one_the_test_runs()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Sip2.Net.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Sip2.Net.sln not found above the test's directory.");
        }

        var page = File.ReadAllText(Path.Combine(root, "docs", "storage.md"));
        var section = page[page.IndexOf("## Two instances behind HAProxy", StringComparison.Ordinal)..];
        var block = section[(section.IndexOf("```text\n", StringComparison.Ordinal) + 8)..];
        var documented = block[..block.IndexOf("```", StringComparison.Ordinal)].Split('\n')
            .Select(line => (line.Contains('#', StringComparison.Ordinal) ? line[..line.IndexOf('#', StringComparison.Ordinal)] : line).TrimEnd())
            .Where(line => line.Length > 0);
        var tested = HaproxyProcess.ConfigurationFor(6001, [6101, 6102]).Split('\n').SkipWhile(line => line != "defaults").Where(line => line.Length > 0);

        Assert.Equal(tested, documented);
    }
}
