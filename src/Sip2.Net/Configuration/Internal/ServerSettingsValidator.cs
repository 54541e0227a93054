using Microsoft.Extensions.Options;

namespace Sip2.Net.Configuration.Internal;

/// <summary>Checks the bound settings when the host starts (ValidateOnStart), every message naming its configuration key.</summary>
internal sealed class ServerSettingsValidator(string section) : IValidateOptions<Sip2ServerSettings>
{
    public ValidateOptionsResult Validate(string? name, Sip2ServerSettings options)
    {
        // Only the unnamed options are the server's; a named instance is someone else's use of the type.
        if (name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        var problems = ServerSettingsMapper.Problems(options, section);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
