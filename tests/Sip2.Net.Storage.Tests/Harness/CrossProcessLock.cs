namespace Sip2.Net.Storage.Tests.Harness;

/// <summary>
/// A lock held across processes (a named mutex): the test runs of both target frameworks, which dotnet test starts at
/// once, must not stop the same PostgreSQL cluster under each other. A mutex belongs to the thread that took it, so a
/// thread of its own takes it and gives it back; the test only awaits.
/// </summary>
internal sealed class CrossProcessLock : IAsyncDisposable
{
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task holder = Task.CompletedTask;

    private CrossProcessLock()
    {
    }

    public static async Task<CrossProcessLock> AcquireAsync(string name)
    {
        var held = new CrossProcessLock();
        var acquired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        held.holder = Task.Factory.StartNew(() =>
        {
            using var mutex = new Mutex(false, "Global\\" + name);
            try
            {
                mutex.WaitOne();
            }
            catch (AbandonedMutexException)
            {
                // a run that died holding it: the lock is ours now
            }

            acquired.SetResult();
            held.release.Task.Wait();
            mutex.ReleaseMutex();
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await acquired.Task;
        return held;
    }

    public async ValueTask DisposeAsync()
    {
        release.TrySetResult();
        await holder;
    }
}
