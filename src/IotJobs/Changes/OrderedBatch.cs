using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace IotJobs.Changes;

/// <summary>
/// Items whose requests run concurrently, and whose outcomes are handed back in input order,
/// so the pipeline thread writes output and errors as a sequential run would. The caller keeps
/// the number of unwritten items within its throttle limit by taking outcomes before adding:
/// taking blocks on the oldest item, which also holds back the upstream pipeline.
/// </summary>
internal sealed class OrderedBatch
{
    private readonly Queue<Entry> queue = new();
    private readonly Func<ItemWork, CancellationToken, Task<ItemOutcome>> execute;
    private readonly CancellationToken cancellation;

    public OrderedBatch(Func<ItemWork, CancellationToken, Task<ItemOutcome>> execute, CancellationToken cancellation)
    {
        this.execute = execute;
        this.cancellation = cancellation;
    }

    /// <summary>Starts the item's requests at once.</summary>
    public void Add(ItemWork work)
    {
        var entry = new Entry(work, Task.Run(() => execute(work, cancellation)));
        lock (queue)
            queue.Enqueue(entry);
    }

    /// <summary>
    /// Outcomes from the oldest item on: every finished one, and, waiting for them, as many more as it takes to
    /// leave at most <paramref name="keepAtMost"/> items unwritten. <paramref name="waitFor"/> blocks the
    /// pipeline thread until an item ends, writing what work reports meanwhile (verbose lines, progress).
    /// </summary>
    public IEnumerable<ItemOutcome> Take(int keepAtMost, Action<Task> waitFor)
    {
        while (true)
        {
            Entry head;
            lock (queue)
            {
                if (queue.Count == 0)
                    yield break;
                head = queue.Peek();
                if (!head.Task.IsCompleted && queue.Count <= keepAtMost)
                    yield break;
            }
            // The item stays queued while it is waited for, so InFlight still names it.
            waitFor(head.Task);
            var outcome = head.Task.GetAwaiter().GetResult();
            lock (queue)
                queue.Dequeue();
            yield return outcome;
        }
    }

    /// <summary>Items whose requests are on their way: after Ctrl+C, the service may or may not have applied them.</summary>
    public IReadOnlyList<string> InFlight()
    {
        lock (queue)
            return queue.Where(e => !e.Task.IsCompleted).Select(e => e.Work.Plan.Target.Subject).ToList();
    }

    private sealed class Entry
    {
        public Entry(ItemWork work, Task<ItemOutcome> task)
        {
            Work = work;
            Task = task;
        }

        public ItemWork Work { get; }
        public Task<ItemOutcome> Task { get; }
    }
}
