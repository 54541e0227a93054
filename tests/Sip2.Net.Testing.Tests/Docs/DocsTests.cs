using Sip2.Net.TestSupport;

namespace Sip2.Net.Testing.Tests.Docs;

/// <summary>The pages show the code the tests compile and run, as it is.</summary>
public sealed class DocsTests
{
    [Theory]
    [InlineData("docs/testing.md", "tests/Sip2.Net.Testing.Tests/Docs/BackendPropertyExample.cs")]
    public void A_page_shows_its_tested_example_as_it_is(string page, string example)
    {
        var root = Repository.Root;
        var doc = File.ReadAllText(Path.Combine(root, page)).ReplaceLineEndings("\n");
        var code = File.ReadAllText(Path.Combine(root, example)).ReplaceLineEndings("\n");
        Assert.Contains(code.TrimEnd('\n'), doc, StringComparison.Ordinal);
    }
}
