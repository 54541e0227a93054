namespace Sip2.Net.Tests;

public class RuntimeTests
{
    [Fact]
    public void Each_target_runs_on_its_own_runtime_not_rolled_forward()
    {
#if NET10_0
        Assert.Equal(10, Environment.Version.Major);
#else
        Assert.Equal(8, Environment.Version.Major); // self-contained on the .NET 8 runtime pack (tests/Directory.Build.props)
#endif
    }
}
