using System.Diagnostics;
using Sip2.Net.Access;
using Sip2.Net.Messages;

namespace Sip2.Net.Diagnostics.Internal;

/// <summary>
/// The server's spans on <see cref="Sip2Telemetry.ActivitySourceName"/>: one per request, one per login. Each start is
/// one <see cref="ActivitySource.HasListeners"/> check when nobody listens, so an unobserved server allocates nothing.
/// Attributes name the command, the session's institution and branch and the outcome, never a field of the message:
/// passwords, patron and item identifiers stay out.
/// </summary>
internal static class ServerActivities
{
    public static readonly ActivitySource Source = new(Sip2Telemetry.ActivitySourceName, Sip2ServerMetrics.Version);

    // "SIP2 Checkout": one string per command, made the first time that command is traced.
    private static readonly string?[] DisplayNames = new string?[100];

    /// <summary>A request's span (null when nobody listens or the listeners sample it out).</summary>
    public static Activity? StartRequest(Sip2Message request, Sip2SessionBinding? binding, string connectionId, string clientAddress)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(Sip2Telemetry.RequestActivityName, ActivityKind.Server);
        if (activity is null)
        {
            return null;
        }

        activity.DisplayName = DisplayName(request);
        if (activity.IsAllDataRequested)
        {
            activity.SetTag(Sip2Telemetry.CommandTag, CommandTexts.Of(request.Command));
            activity.SetTag(Sip2Telemetry.ConnectionIdTag, connectionId);
            activity.SetTag(Sip2Telemetry.ClientAddressTag, clientAddress);
            if (binding is not null)
            {
                activity.SetTag(Sip2Telemetry.InstitutionTag, binding.Institution.Id);
                activity.SetTag(Sip2Telemetry.BranchTag, binding.BranchConfiguration.BranchId);
            }
        }

        return activity;
    }

    /// <summary>A login's span (null when nobody listens). The login id is added only once the login is accepted.</summary>
    public static Activity? StartLogin(string connectionId, string clientAddress)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(Sip2Telemetry.LoginActivityName, ActivityKind.Server);
        if (activity is { IsAllDataRequested: true })
        {
            activity.DisplayName = "SIP2 Login";
            activity.SetTag(Sip2Telemetry.CommandTag, CommandTexts.Of(Sip2Command.Login));
            activity.SetTag(Sip2Telemetry.ConnectionIdTag, connectionId);
            activity.SetTag(Sip2Telemetry.ClientAddressTag, clientAddress);
        }

        return activity;
    }

    /// <summary>Ends a request's span with its outcome; a failure of the back end or its timeout marks the span as an error.</summary>
    public static void Stop(Activity activity, string outcome)
    {
        activity.SetTag(Sip2Telemetry.OutcomeTag, outcome);
        if (outcome is Outcomes.Error or Outcomes.Timeout)
        {
            activity.SetStatus(ActivityStatusCode.Error, outcome);
        }

        activity.Dispose();
    }

    /// <summary>Ends a login's span: the outcome, and for an accepted login what it bound the session to.</summary>
    public static void StopLogin(Activity activity, string outcome, Sip2SessionBinding? binding)
    {
        if (binding is not null && activity.IsAllDataRequested)
        {
            activity.SetTag(Sip2Telemetry.LoginIdTag, binding.Registration.LoginId);
            activity.SetTag(Sip2Telemetry.RegistrationIdTag, binding.Registration.Id.ToString());
            activity.SetTag(Sip2Telemetry.InstitutionTag, binding.Institution.Id);
            activity.SetTag(Sip2Telemetry.BranchTag, binding.BranchConfiguration.BranchId);
        }

        activity.SetTag(Sip2Telemetry.OutcomeTag, outcome);
        activity.Dispose();
    }

    private static string DisplayName(Sip2Message request)
    {
        var code = (int)request.Command;
        if (code is < 0 or >= 100)
        {
            return "SIP2 " + request.Descriptor.SpecName;
        }

        // A race makes the same string twice at worst.
        return DisplayNames[code] ??= "SIP2 " + request.Descriptor.SpecName;
    }
}
