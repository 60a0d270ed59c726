using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Connections;

namespace IotJobs.Changes;

/// <summary>
/// When each item's work starts. The service's limits are per account and region, so each place (a connection) has a
/// lane of its own: it starts its items in input order, at most -ThrottleLimit at once, and an item that waits for a
/// limit of its place (one of the 10 deletion places) gives its turn to the next. Places go on side by side, so a
/// place that is full or slow holds back no other. (Where the command must stop at its first error, the runner
/// starts each item only once fewer than -ThrottleLimit earlier ones are unwritten instead: see
/// <see cref="ChangeRunner"/>.)
/// </summary>
internal sealed class Lanes
{
    private readonly int width;
    private readonly CancellationToken cancellation;
    private readonly Dictionary<ItemConnection, Lane> byPlace = new();

    public Lanes(int width, CancellationToken cancellation)
    {
        this.width = width;
        this.cancellation = cancellation;
    }

    /// <summary>The item's work, started in its lane's turn; the task ends with the work.</summary>
    public Task<ItemResult> Schedule(ItemPlan plan, Func<CancellationToken, Task<ItemResult>> run)
    {
        Lane? lane;
        lock (byPlace)
        {
            if (!byPlace.TryGetValue(plan.Connection, out lane))
                byPlace[plan.Connection] = lane = new Lane(width, cancellation);
        }
        return lane.Schedule(plan, run);
    }

    /// <summary>One place's items: started in order, at most so many at once.</summary>
    private sealed class Lane
    {
        private readonly int width;
        private readonly CancellationToken cancellation;
        private readonly Queue<Action> waiting = new();
        private int running;

        public Lane(int width, CancellationToken cancellation)
        {
            this.width = width;
            this.cancellation = cancellation;
        }

        public Task<ItemResult> Schedule(ItemPlan plan, Func<CancellationToken, Task<ItemResult>> run)
        {
            var done = new TaskCompletionSource<ItemResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            int turns = 0;
            // Its turn ends once: when it starts waiting for its place's limit, or when its work ends.
            void EndTurn()
            {
                if (Interlocked.Exchange(ref turns, 1) == 0)
                    Next();
            }
            void Start()
            {
                plan.WhenWaiting = EndTurn;
                _ = Task.Run(async () =>
                {
                    try
                    {
                        done.TrySetResult(await run(cancellation).ConfigureAwait(false));
                    }
                    catch (Exception e)
                    {
                        done.TrySetException(e);
                    }
                    finally
                    {
                        EndTurn();
                    }
                });
            }
            lock (waiting)
            {
                if (running < width)
                    running++;
                else
                {
                    waiting.Enqueue(Start);
                    return done.Task;
                }
            }
            Start();
            return done.Task;
        }

        private void Next()
        {
            Action? start;
            lock (waiting)
            {
                if (waiting.Count == 0)
                {
                    running--;
                    return;
                }
                start = waiting.Dequeue();
            }
            start();
        }
    }
}
