using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sip2.Net.Admin;

namespace Sip2.Net.Admin.Tests;

/// <summary>AddSip2Admin(IConfiguration): the admin options from a configuration section, validated with the key named.</summary>
public sealed class AdminOptionsBindingTests
{
    private static IConfigurationSection Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("Sip2:Admin:" + v.Key, v.Value)))
            .Build()
            .GetSection("Sip2:Admin");

    [Fact]
    public void The_section_is_bound_and_the_delegate_runs_after_it()
    {
        var services = new ServiceCollection();
        services.AddSip2Admin(Section(("Title", "North Libraries"), ("TestTimeout", "00:00:03"), ("AuditPageSize", "20"), ("SignOutPath", "/from-config")), o => o.SignOutPath = "/out");
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<Sip2AdminOptions>>().Value;

        Assert.Equal("North Libraries", options.Title);
        Assert.Equal(TimeSpan.FromSeconds(3), options.TestTimeout);
        Assert.Equal(20, options.AuditPageSize);
        Assert.Equal("/out", options.SignOutPath);
    }

    [Fact]
    public void Unset_keys_keep_the_defaults()
    {
        var services = new ServiceCollection();
        services.AddSip2Admin(Section());
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<Sip2AdminOptions>>().Value;

        Assert.Equal(new Sip2AdminOptions().Title, options.Title);
        Assert.Equal(new Sip2AdminOptions().AuditPageSize, options.AuditPageSize);
    }

    [Theory]
    [InlineData("AuditPageSize", "0", "Sip2:Admin:AuditPageSize is 1 to 1,000.")]
    [InlineData("TestTimeout", "00:00:00", "Sip2:Admin:TestTimeout must be positive.")]
    [InlineData("Title", " ", "Sip2:Admin:Title is empty.")]
    public void A_bad_value_is_refused_with_its_key(string key, string value, string message)
    {
        var services = new ServiceCollection();
        services.AddSip2Admin(Section((key, value)));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<Sip2AdminOptions>>().Value);

        Assert.Contains(message, error.Failures);
    }

    [Fact]
    public void Without_configuration_the_messages_name_the_options_type()
    {
        var services = new ServiceCollection();
        services.AddSip2Admin(o => o.AuditPageSize = 5000);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<Sip2AdminOptions>>().Value);

        Assert.Contains("Sip2AdminOptions.AuditPageSize is 1 to 1,000.", error.Failures);
    }
}
