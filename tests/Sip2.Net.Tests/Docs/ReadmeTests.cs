using Sip2.Net.TestSupport;
using System.Text;
using System.Text.RegularExpressions;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Tests.Docs;

public class ReadmeTests
{
    [Fact]
    public void The_readme_example_frame_is_a_valid_checkout_with_a_correct_checksum()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var frame = Regex.Match(readme, "var frame = \"(?<wire>[^\"]+)\"u8;").Groups["wire"].Value;

        var result = Sip2MessageParser.Parse(Encoding.ASCII.GetBytes(frame), new Sip2CodecOptions { ErrorDetection = Sip2ErrorDetectionMode.On, ParseMode = Sip2ParseMode.Strict });

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal("2000123", Assert.IsType<CheckoutRequest>(result.Message).PatronIdentifier);
        Assert.Equal(4, result.SequenceNumber);
    }
}
