using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace IotJobs.Completion;

/// <summary>
/// Names read from the service for tab completion, and the reads in flight. A Tab press never waits long, and never
/// fails: it waits for a read at most <see cref="Patience"/>, and gets no names when the read fails or is still
/// running. A read still running goes on in the background (up to its own limit) and keeps its names for the next
/// press; a read that has kept a prompt waiting once is not waited for again. Names are kept for a while, so repeated
/// presses send no request.
/// </summary>
internal sealed class NameCache
{
    private readonly object gate = new();
    private readonly Dictionary<string, (DateTimeOffset At, IReadOnlyList<string> Names)> kept = new(
        StringComparer.Ordinal
    );
    private readonly Dictionary<string, PendingNames> reading = new(StringComparer.Ordinal);
    private readonly TimeProvider time;

    public NameCache(TimeSpan keepFor, TimeSpan patience, TimeSpan limit, TimeProvider time)
    {
        KeepFor = keepFor;
        Patience = patience;
        Limit = limit;
        this.time = time;
    }

    /// <summary>The process's cache: names kept 30 s; a Tab waits 3 s at most, a read runs 20 s at most.</summary>
    public static NameCache Shared { get; } =
        new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(20), TimeProvider.System);

    public TimeSpan KeepFor { get; }
    public TimeSpan Patience { get; }
    public TimeSpan Limit { get; }

    /// <summary>
    /// The names kept under <paramref name="key"/>, else those <paramref name="read"/> gives within the patience;
    /// none when it fails or takes longer.
    /// </summary>
    public IReadOnlyList<string> Get(string key, Func<CancellationToken, Task<IReadOnlyList<string>>> read)
    {
        PendingNames current;
        lock (gate)
        {
            if (kept.TryGetValue(key, out var hit) && time.GetUtcNow() - hit.At < KeepFor)
                return hit.Names;
            if (!reading.TryGetValue(key, out current))
                reading[key] = current = Start(key, read);
            else if (current.KeptWaiting)
                return Array.Empty<string>();
        }
        try
        {
            // On the cache's clock, so that a test's fake clock decides when the patience runs out.
            var names = current.Names.WaitAsync(Patience, time).GetAwaiter().GetResult();
            return names ?? (IReadOnlyList<string>)Array.Empty<string>();
        }
        catch (TimeoutException)
        {
            lock (gate)
                current.KeptWaiting = true;
            return Array.Empty<string>();
        }
    }

    /// <summary>Starts a read on a thread of the pool; it ends with the names, or with null when it failed.</summary>
    private PendingNames Start(string key, Func<CancellationToken, Task<IReadOnlyList<string>>> read)
    {
        var limit = time.CreateCancellationTokenSource(Limit);
        return new PendingNames(
            Task.Run(async () =>
            {
                try
                {
                    var names = await read(limit.Token).ConfigureAwait(false);
                    Keep(key, names);
                    return names;
                }
                catch (Exception)
                {
                    // No credentials, no network, a refusal, a service slower than the limit: no names, and the next
                    // press tries again.
                    return null;
                }
                finally
                {
                    lock (gate)
                        reading.Remove(key);
                    limit.Dispose();
                }
            })
        );
    }

    private void Keep(string key, IReadOnlyList<string> names)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            foreach (var old in kept.Where(k => now - k.Value.At >= KeepFor).Select(k => k.Key).ToList())
                kept.Remove(old);
            kept[key] = (now, names);
        }
    }
}
