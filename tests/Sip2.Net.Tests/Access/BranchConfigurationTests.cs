using Sip2.Net.Access;
using Sip2.Net.Messages;

namespace Sip2.Net.Tests.Access;

public sealed class BranchConfigurationTests
{
    [Theory]
    [InlineData(30, 300)]
    [InlineData(1, 10)]
    [InlineData(99, 990)]
    [InlineData(100, 998)]
    [InlineData(0, 1)]
    public void The_timeout_in_seconds_is_advertised_in_tenths(int seconds, int tenths)
    {
        var configuration = new Sip2BranchConfiguration { InstitutionId = "A", BranchId = "MAIN", TimeoutSeconds = seconds };
        Assert.Equal(tenths, configuration.AdvertisedTimeoutPeriod);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(-1, 0)]
    [InlineData(5000, 999)]
    public void Retries_are_advertised_within_three_digits(int retries, int advertised)
    {
        Assert.Equal(advertised, new Sip2BranchConfiguration { InstitutionId = "A", BranchId = "MAIN", RetriesAllowed = retries }.AdvertisedRetries);
    }

    [Fact]
    public void The_defaults_support_every_message_and_keep_personal_data_out()
    {
        var configuration = new Sip2BranchConfiguration { InstitutionId = "A", BranchId = "MAIN" };
        Assert.Equal(SupportedMessages.All, configuration.SupportedMessages);
        Assert.False(configuration.SendPersonalData);
        Assert.False(configuration.UseSortBin);
        Assert.True(configuration.AvailableHoldAllowed);
        Assert.True(configuration.OnlineStatus && configuration.CheckinOk && configuration.CheckoutOk && configuration.RenewalPolicy);
        Assert.False(configuration.StatusUpdateOk || configuration.OfflineOk);
    }

    [Fact]
    public void A_switched_off_message_is_not_allowed()
    {
        var configuration = new Sip2BranchConfiguration { InstitutionId = "A", BranchId = "MAIN", SupportedMessages = SupportedMessages.All & ~SupportedMessages.Renew };
        Assert.False(configuration.SupportedMessages.Allows(Sip2Command.Renew));
        Assert.True(configuration.SupportedMessages.Allows(Sip2Command.Checkout));
    }
}
