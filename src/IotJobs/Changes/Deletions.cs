using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Connections;

namespace IotJobs.Changes;

/// <summary>
/// A command's job deletions: the service allows 10 jobs in DELETION_IN_PROGRESS per account and region, so each
/// connection has a scheduler of its own that keeps within them instead of failing.
/// </summary>
internal sealed class Deletions
{
    private readonly ConcurrentDictionary<ItemConnection, DeletionScheduler> schedulers = new();
    private readonly CancellationToken cancellation;
    private readonly Action<string> note;

    /// <param name="note">Told, from any thread, when a deletion waits and why.</param>
    public Deletions(CancellationToken cancellation, Action<string> note)
    {
        this.cancellation = cancellation;
        this.note = note;
    }

    /// <summary>
    /// Sends the item's deletion once one of its place's deletion slots is free, saying so when it leaves; returns
    /// once the service accepted it.
    /// </summary>
    public Task DeleteAsync(ItemPlan plan, DeleteJobRequest request, CancellationToken cancel) =>
        schedulers
            .GetOrAdd(plan.Connection, c => new DeletionScheduler(c.Client, c.Options, cancellation, note))
            .DeleteAsync(request, cancel, plan.Sending, plan.Waiting);

    /// <summary>
    /// What the deletions wait for, for the progress bar: "10 deleting, 3 waiting for a deletion place"; null when
    /// nothing is in progress or waiting.
    /// </summary>
    public string? Describe()
    {
        int deleting = schedulers.Values.Sum(s => s.InProgress);
        int waiting = schedulers.Values.Sum(s => s.WaitingForPlace);
        if (deleting == 0 && waiting == 0)
            return null;
        string waits =
            waiting == 0 ? "" : $", {waiting} waiting for one of the {DeletionScheduler.ServiceLimit} deletion places";
        return $"{deleting} deleting{waits}";
    }

    /// <summary>Completes when every deletion accepted so far is done (Ctrl+C ends the wait for it).</summary>
    public Task WhenAllGoneAsync()
    {
        int inProgress = schedulers.Values.Sum(s => s.InProgress);
        if (inProgress > 0)
            note($"Waiting for {inProgress} deletion(s) to complete");
        return Task.WhenAll(schedulers.Values.Select(s => s.WhenAllGoneAsync()));
    }
}
