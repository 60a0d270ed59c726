using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Errors;
using IotJobs.Model;
using IotJobs.Output;
using IotJobs.Rules;

namespace IotJobs.Changes;

/// <summary>
/// What a batch says of its items, on the pipeline thread, in input order: each outcome written and counted; those
/// whose answer was lost held until one more look at the batch's end; what -PassThru writes held while the follow-up
/// (-Wait) runs. What it still holds is part of the account at Ctrl+C.
/// </summary>
internal sealed class BatchReport
{
    private readonly ChangeDeclaration declaration;
    private readonly IChangeHost host;
    private readonly ItemSteps steps;
    private readonly SummaryTally tally;
    private readonly BatchProgress progress;
    private readonly Action<string, bool> showProgress;
    private readonly CancellationToken cancellation;

    // Written on the pipeline thread, read at Ctrl+C on another: guarded by themselves.
    private readonly List<ItemResult> unknown = new();
    private readonly List<ItemResult> held = new();

    public BatchReport(
        ChangeDeclaration declaration,
        IChangeHost host,
        ItemSteps steps,
        SummaryTally tally,
        BatchProgress progress,
        Action<string, bool> showProgress,
        CancellationToken cancellation
    )
    {
        this.declaration = declaration;
        this.host = host;
        this.steps = steps;
        this.tally = tally;
        this.progress = progress;
        this.showProgress = showProgress;
        this.cancellation = cancellation;
    }

    /// <summary>
    /// The items written for but still held here (lost answers, -PassThru held for -Wait), for Ctrl+C.
    /// </summary>
    public IEnumerable<(ItemPlan? Plan, ItemResult? Result, string Subject)> Held()
    {
        var items = new List<(ItemPlan?, ItemResult?, string)>();
        lock (unknown)
            items.AddRange(unknown.Select(r => (r.Plan, (ItemResult?)r, r.Attempt.Subject)));
        lock (held)
            items.AddRange(held.Select(r => (r.Plan, (ItemResult?)r, r.Attempt.Subject)));
        return items;
    }

    /// <summary>
    /// Writes what became of one item, and counts it; an unknown one waits for the look at the batch's end.
    /// </summary>
    public void Write(ItemResult result)
    {
        if (result.Outcome == Outcome.Unknown)
        {
            lock (unknown)
                unknown.Add(result);
            return;
        }
        progress.Count(failed: result.Outcome == Outcome.NotApplied);
        tally.Count(result);
        switch (result.Outcome)
        {
            case Outcome.Previewed:
                host.Approve(ItemDescription.Of(result.Plan!, declaration), declaration.Force);
                break;
            case Outcome.Applied when result.AfterNote != null:
                host.WriteWarning(result.AfterNote);
                break;
            case Outcome.Applied when result.Output is IotJobsItem && declaration.FollowUp != null:
                lock (held)
                    held.Add(result);
                break;
            case Outcome.Applied when result.Output != null:
                host.WriteObject(result.Output);
                break;
            case Outcome.NotApplied:
                Fail(result);
                break;
        }
        showProgress(result.Attempt.Subject, false);
    }

    /// <summary>Reports an item's failure: the batch goes on, unless nothing else can succeed.</summary>
    private void Fail(ItemResult result)
    {
        var record = ErrorMapper.ToRecord(result.Failure!, result.Attempt, result.Explanation, out bool terminating);
        if (terminating)
            host.Terminate(record);
        else
            host.WriteError(record);
    }

    /// <summary>
    /// Items whose answer was lost: one more look each, at once; what stays unknown is said, with how to check.
    /// </summary>
    public void LookAgain()
    {
        List<ItemResult> lost;
        lock (unknown)
            lost = unknown.ToList();
        if (lost.Count == 0)
            return;
        var looks = lost.Select(r => steps.LookAgainAsync(r.Plan!, r, cancellation)).ToList();
        host.WaitFor(Task.WhenAll(looks));
        lock (unknown)
            unknown.Clear();
        foreach (var look in looks)
        {
            var result = look.Result;
            if (result.Outcome != Outcome.Unknown)
            {
                Write(result);
                continue;
            }
            progress.Count(failed: true);
            tally.Count(result);
            var where = result.Plan!.Connection.Location;
            Fail(ItemResult.Refused(result.Plan, result.Failure!, Words.StillUnknown(result.Plan.Target, where)));
        }
    }

    /// <summary>
    /// Waits for what follows the batch (-Wait); its failure leaves every change applied, and is said.
    /// </summary>
    public void FollowUp()
    {
        if (declaration.FollowUp == null)
            return;
        var wait = declaration.FollowUp(cancellation);
        host.WaitFor(wait);
        bool done = wait.Status == TaskStatus.RanToCompletion;
        if (!done)
            host.WriteWarning(Words.FollowUpFailed(declaration.Change, wait.Exception?.GetBaseException().Message));
        foreach (var result in held)
        {
            if (done && result.Output is IotJob job && declaration.Change.StatusOnceDone() is string gone)
                job.Status = gone;
            host.WriteObject(result.Output!);
        }
        lock (held)
            held.Clear();
    }
}
