using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Sip2.Net.Access.Internal;

/// <summary>
/// Where full password checks (PBKDF2, tens of milliseconds of CPU each) run: a few threads of their own, taking checks
/// in arrival order from a bounded queue, off every connection's request path and off the thread pool, so the kiosks
/// in session keep being answered while a storm of first logins is hashed. A full queue refuses at once (the caller
/// answers 940): a flood of logins costs a queue slot, never a thread or unbounded memory.
/// </summary>
internal sealed class PasswordCheckPool : IDisposable
{
    private readonly BlockingCollection<Check> queue;
    private readonly Thread[] threads;
    private int started;

    public PasswordCheckPool(int workers, int capacity)
    {
        queue = new BlockingCollection<Check>(new ConcurrentQueue<Check>(), capacity);
        threads = new Thread[workers];
        for (var i = 0; i < workers; i++)
        {
            threads[i] = new Thread(Work) { IsBackground = true, Name = "SIP2 password check " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
    }

    /// <summary>The check's outcome, or null when the queue is full (or the pool is shut down).</summary>
    public Task<bool?> VerifyAsync(Sip2PasswordHash hash, string? password)
    {
        var check = new Check(hash, password);
        if (Interlocked.Exchange(ref started, 1) == 0)
        {
            foreach (var thread in threads)
            {
                thread.Start(); // at the first check: a server whose kiosks log in with no password never needs them
            }
        }

        try
        {
            return queue.TryAdd(check) ? check.Outcome.Task : Task.FromResult<bool?>(null);
        }
        catch (InvalidOperationException)
        {
            return Task.FromResult<bool?>(null); // shutting down
        }
    }

    public void Dispose()
    {
        queue.CompleteAdding();
        if (Volatile.Read(ref started) == 1)
        {
            foreach (var thread in threads)
            {
                thread.Join(TimeSpan.FromSeconds(5));
            }
        }

        queue.Dispose();
    }

    private void Work()
    {
        foreach (var check in queue.GetConsumingEnumerable())
        {
            check.Outcome.TrySetResult(check.Hash.Verify(check.Password));
        }
    }

    private sealed class Check(Sip2PasswordHash hash, string? password)
    {
        public Sip2PasswordHash Hash { get; } = hash;

        public string? Password { get; } = password;

        public TaskCompletionSource<bool?> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
