using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Sip2.Net.Messages;

namespace Sip2.Net.Server;

/// <summary>
/// The answers to recent state-changing requests (checkout, checkin, renew, fee paid, ...) per registration,
/// shared by all connections, so that a kiosk that lost its connection in the middle of a checkout and sends the
/// same request again after reconnecting gets the first answer instead of a second checkout. A retransmission is
/// recognised by the message itself, its fixed fields and fields (transaction date included), not by its AY
/// and AZ: a kiosk may restart its sequence numbers on a new connection.
/// </summary>
/// <remarks>
/// A request still running when its retransmission arrives is waited for, so the kiosk learns the real outcome
/// even if the first connection timed out waiting for the back end. A request whose back end failed is
/// forgotten, so trying again runs it again. Requests without a real transaction date (some kiosks send
/// blanks) are never matched: two identical ones could then be two real transactions.
/// </remarks>
internal sealed class Sip2ReplayCache
{
    // Per registration: enough for every kiosk sharing one registration to have a few requests in the window.
    internal const int EntriesPerRegistration = 32;

    private readonly ConcurrentDictionary<Guid, Bucket> registrations = new();
    private readonly TimeProvider time;
    private readonly TimeSpan window;

    public Sip2ReplayCache(TimeProvider time, TimeSpan window)
    {
        this.time = time;
        this.window = window;
    }

    // The requests that change the library system's state, and so must not run twice, each with the index of its
    // transaction date among its fixed fields (every one of them has one), found once from the message table; by
    // command code, -1 for the others.
    private static readonly int[] TransactionDateIndex = TransactionDates();

    private static int[] TransactionDates()
    {
        var index = Enumerable.Repeat(-1, Sip2MessageTable.CommandCodes).ToArray();
        foreach (var command in new[]
        {
            Sip2Command.Checkout, Sip2Command.Checkin, Sip2Command.Renew, Sip2Command.RenewAll, Sip2Command.FeePaid,
            Sip2Command.Hold, Sip2Command.BlockPatron, Sip2Command.PatronEnable, Sip2Command.ItemStatusUpdate,
        })
        {
            index[(int)command] = Sip2MessageTable.Get(command).FixedFields.Single(f => f.PropertyName == nameof(CheckoutRequest.TransactionDate)).Index;
        }

        return index;
    }

    /// <summary>
    /// The remembered requests of one registration. A connection keeps its registration's for as long as it is
    /// bound, so a bucket is never removed (one per registration ever bound: a few hundred bytes each).
    /// </summary>
    public Bucket For(Guid registration) => registrations.GetOrAdd(registration, static _ => new Bucket());

    /// <summary>
    /// Finds an earlier identical request of the registration within the window (<paramref name="earlier"/>,
    /// whose outcome may still be to come), or records this one (<paramref name="claim"/>, which the caller
    /// must settle). Both are null when the request cannot be matched safely.
    /// </summary>
    public void Begin(Bucket bucket, Sip2Message request, out Entry? earlier, out Entry? claim)
    {
        earlier = null;
        claim = null;
        // Only a transaction date that is a real timestamp tells two identical transactions apart in time.
        var date = (uint)request.Command < (uint)TransactionDateIndex.Length ? TransactionDateIndex[(int)request.Command] : -1;
        if (window <= TimeSpan.Zero || date < 0 || request.FixedTimestamp(date) is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var hash = Hash(request);
        lock (bucket)
        {
            bucket.Prune(now - window, EntriesPerRegistration);
            if (bucket.ByHash.TryGetValue(hash, out var kept))
            {
                if (!(kept.IsCompleted && kept.Started < now - window))
                {
                    // Equal hashes of different requests are vanishingly rare; such a request simply runs, unremembered.
                    earlier = SameRequest(kept.Request, request) ? kept : null;
                    return;
                }

                bucket.Remove(kept); // expired, but queued behind one still running
            }

            bucket.Prune(now - window, EntriesPerRegistration - 1); // room for this one
            claim = new Entry(bucket, request, hash, now);
            bucket.ByHash.Add(hash, claim);
            bucket.ByAge.Enqueue(claim);
        }
    }

    // Requests read by the lenient parser are compared by the bytes they were read from (one registration, one
    // encoding), which spares decoding every field; strictly read ones by their values (a server reads every
    // request in the same mode, so the two kinds never meet).
    private static int Hash(Sip2Message request)
    {
        if (request.SourceBytes is not { } bytes)
        {
            return request.GetHashCode();
        }

#if NET8_0_OR_GREATER
        var hash = new HashCode(); // reads the bytes four at a time
        hash.AddBytes(bytes);
        return hash.ToHashCode();
#else
        var hash = unchecked((int)2166136261); // FNV-1a
        foreach (var b in bytes)
        {
            hash = unchecked((hash ^ b) * 16777619);
        }

        return hash;
#endif
    }

    private static bool SameRequest(Sip2Message kept, Sip2Message request) =>
        kept.SourceBytes is { } a && request.SourceBytes is { } b ? a.AsSpan().SequenceEqual(b) : kept.Equals(request);

    // One registration's remembered requests: found by hash, dropped oldest first. Guarded by locking the bucket.
    internal sealed class Bucket
    {
        public Dictionary<int, Entry> ByHash { get; } = new();

        public Queue<Entry> ByAge { get; } = new();

        // Drops expired entries whose outcome is known, and the oldest beyond the capacity. (One still running
        // stays while it is young enough to be matched, and leaves with the capacity rule at the latest.)
        public void Prune(DateTimeOffset expiredBefore, int keep)
        {
            while (ByAge.Count > 0 && (ByAge.Count > keep || (ByAge.Peek().IsCompleted && ByAge.Peek().Started < expiredBefore)))
            {
                Remove(ByAge.Dequeue());
            }
        }

        public void Remove(Entry entry)
        {
            if (ByHash.TryGetValue(entry.RequestHash, out var current) && ReferenceEquals(current, entry))
            {
                ByHash.Remove(entry.RequestHash);
            }
        }
    }

    /// <summary>One remembered request and its outcome, or the outcome still to come.</summary>
    internal sealed class Entry
    {
        private readonly Bucket bucket;
        private Sip2Message? answer;
        // Written under the entry's lock, after the answer; read without it by the pruning of every request.
        private volatile bool completed;

        // Made only for a retransmission that arrives while the first request is still running (rare), so a
        // request pays for no task of its own.
        private TaskCompletionSource<Sip2Message?>? waiting;

        public Entry(Bucket bucket, Sip2Message request, int requestHash, DateTimeOffset started)
        {
            this.bucket = bucket;
            Request = request;
            RequestHash = requestHash;
            Started = started;
        }

        public Sip2Message Request { get; }

        public int RequestHash { get; }

        public DateTimeOffset Started { get; }

        public bool IsCompleted => completed;

        /// <summary>The answer the back end gave, or null when it failed (the entry is then forgotten).</summary>
        public Task<Sip2Message?> Response
        {
            get
            {
                lock (this)
                {
                    return completed ? Task.FromResult(answer) : (waiting ??= new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                }
            }
        }

        public void Succeeded(Sip2Message answer) => Complete(answer);

        public void Failed()
        {
            lock (bucket)
            {
                bucket.Remove(this);
            }

            Complete(null);
        }

        private void Complete(Sip2Message? outcome)
        {
            TaskCompletionSource<Sip2Message?>? waiters;
            lock (this)
            {
                if (completed)
                {
                    return;
                }

                answer = outcome;
                completed = true;
                waiters = waiting;
            }

            waiters?.TrySetResult(outcome);
        }
    }
}
