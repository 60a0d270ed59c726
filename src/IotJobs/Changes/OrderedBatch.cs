using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace IotJobs.Changes;

/// <summary>
/// Items whose requests run concurrently, and whose results are handed back in input order, so the pipeline thread
/// writes output and errors as a sequential run would. The caller keeps the number of unwritten items within its
/// throttle limit by taking results before adding: taking blocks on the oldest item, which also holds back the
/// upstream pipeline.
/// </summary>
internal sealed class OrderedBatch
{
    private readonly Queue<Entry> queue = new();

    /// <summary>An item under way: <paramref name="work"/> ends with its result.</summary>
    public void Add(ItemPlan plan, Task<ItemResult> work)
    {
        lock (queue)
            queue.Enqueue(new Entry(plan.Target.Subject, plan, work));
    }

    /// <summary>
    /// An item whose result is known already (refused before anything could be sent), written in its turn.
    /// </summary>
    public void Add(ItemResult result)
    {
        lock (queue)
            queue.Enqueue(new Entry(result.Attempt.Subject, result.Plan, Task.FromResult(result)));
    }

    /// <summary>
    /// Results from the oldest item on: every finished one, and, waiting for them, as many more as it takes to leave
    /// at most <paramref name="keepAtMost"/> items unwritten. <paramref name="waitFor"/> blocks the pipeline thread
    /// until an item ends, writing what work reports meanwhile (verbose lines, progress).
    /// </summary>
    public IEnumerable<ItemResult> Take(int keepAtMost, Action<Task> waitFor)
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
            // The item stays queued while it is waited for, so an account taken at Ctrl+C still sees it.
            waitFor(head.Task);
            var result = head.Task.GetAwaiter().GetResult();
            lock (queue)
                queue.Dequeue();
            yield return result;
        }
    }

    /// <summary>
    /// The items not yet written, in order, each with its result when it has one: for the account at Ctrl+C.
    /// </summary>
    public IReadOnlyList<(string Subject, ItemPlan? Plan, ItemResult? Result)> Unwritten()
    {
        lock (queue)
            return queue
                .Select(e =>
                    (e.Subject, e.Plan, e.Task.Status == TaskStatus.RanToCompletion ? e.Task.Result : (ItemResult?)null)
                )
                .ToList();
    }

    private sealed class Entry
    {
        public Entry(string subject, ItemPlan? plan, Task<ItemResult> task)
        {
            Subject = subject;
            Plan = plan;
            Task = task;
        }

        public string Subject { get; }
        public ItemPlan? Plan { get; }
        public Task<ItemResult> Task { get; }
    }
}
