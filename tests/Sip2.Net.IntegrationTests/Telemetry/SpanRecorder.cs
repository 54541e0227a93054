using System.Collections.Concurrent;
using System.Diagnostics;
using Sip2.Net.Diagnostics;

namespace Sip2.Net.IntegrationTests.Telemetry;

/// <summary>Records every span of Sip2.Net's source that ends while it listens (the spans tests run alone: see <see cref="SpanTests"/>).</summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener listener;

    public SpanRecorder()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Sip2Telemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => Stopped.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(listener);
    }

    public ConcurrentQueue<Activity> Stopped { get; } = new();

    public Activity Single(string operation, string command) =>
        Assert.Single(Stopped, a => a.OperationName == operation && Tag(a, Sip2Telemetry.CommandTag) == command);

    public static string? Tag(Activity activity, string name) => activity.GetTagItem(name) as string;

    /// <summary>Everything a span says in text: its names, status and every attribute.</summary>
    public static IEnumerable<string> Texts(Activity activity) =>
        new[] { activity.OperationName, activity.DisplayName, activity.StatusDescription ?? "" }
            .Concat(activity.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(activity.Baggage.Select(b => $"{b.Key}={b.Value}"));

    public void Dispose() => listener.Dispose();
}
