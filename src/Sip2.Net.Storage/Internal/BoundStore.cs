using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sip2.Net.Access;
using Sip2.Net.DependencyInjection;

namespace Sip2.Net.Storage.Internal;

// What AddSqliteRegistryStore(IConfiguration) and AddPostgreSqlRegistryStore(IConfiguration) share: bind the section,
// validate it when the host starts with the key named, and build the store from the bound settings.
internal static class BoundStore
{
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "TSettings keeps its members (DynamicallyAccessedMembers); its properties are strings and TimeSpans.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The settings types have only string and TimeSpan properties.")]
    public static Sip2ServerBuilder Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TSettings>(
        Sip2ServerBuilder builder, IConfiguration configuration, Func<IServiceProvider, TSettings, ISip2RegistryStore> create)
        where TSettings : class, IStoreSettings
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var path = (configuration as IConfigurationSection)?.Path ?? "";
        builder.Services.AddOptions<TSettings>().Bind(configuration).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TSettings>>(new Validator<TSettings>(path));
        builder.Services.Replace(ServiceDescriptor.Singleton<ISip2RegistryStore>(services =>
            create(services, services.GetRequiredService<IOptions<TSettings>>().Value)));
        return builder;
    }

    private sealed class Validator<TSettings>(string path) : IValidateOptions<TSettings>
        where TSettings : class, IStoreSettings
    {
        public ValidateOptionsResult Validate(string? name, TSettings options) =>
            options.Problem(path) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
