using System;
using System.Threading;
using System.Threading.Tasks;

namespace IotJobs.Changes;

/// <summary>One item's requests, and what to do on the pipeline thread once they succeed.</summary>
internal sealed class ItemWork
{
    public ItemWork(ItemPlan plan, Func<CancellationToken, Task<object?>> run, Action<object?> succeeded)
    {
        Plan = plan;
        Run = run;
        Succeeded = succeeded;
    }

    public ItemPlan Plan { get; }

    /// <summary>Sends the item's requests, off the pipeline thread; returns what to hand to <see cref="Succeeded"/>.</summary>
    public Func<CancellationToken, Task<object?>> Run { get; }

    /// <summary>Writes the item's outcome, on the pipeline thread, in input order.</summary>
    public Action<object?> Succeeded { get; }
}
