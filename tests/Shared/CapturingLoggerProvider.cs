using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sip2.Net.TestSupport;

/// <summary>Keeps every log line (formatted, with its exception) at every level.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> waiters = new();

    public IReadOnlyCollection<string> Lines => lines.ToArray();

    /// <summary>The first line, logged before or after the call, that matches; null if none comes within the wait.</summary>
    public async Task<string?> WaitForAsync(Func<string, bool> match, TimeSpan? within = null)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (waiters)
        {
            waiters.Add((match, seen));
        }

        // Lines logged before the waiter was added are checked here; later ones by Add.
        if (lines.FirstOrDefault(match) is { } already)
        {
            seen.TrySetResult(already);
        }

        try
        {
            return await seen.Task.WaitAsync(within ?? TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            lock (waiters)
            {
                waiters.RemoveAll(w => w.Seen == seen);
            }
        }
    }

    private void Add(string line)
    {
        lines.Enqueue(line);
        lock (waiters)
        {
            foreach (var (match, seen) in waiters)
            {
                if (match(line))
                {
                    seen.TrySetResult(line);
                }
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner.Add($"{logLevel} {eventId.Id} {formatter(state, exception)} {exception}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var value in values)
                {
                    owner.Add($"  {value.Key}={value.Value}");
                }
            }
        }
    }
}
