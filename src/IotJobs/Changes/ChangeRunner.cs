using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;
using IotJobs.Connections;
using IotJobs.Errors;
using IotJobs.Items;
using IotJobs.Model;
using IotJobs.Output;
using IotJobs.Rules;

namespace IotJobs.Changes;

/// <summary>
/// The per-item flow of the Stop- and Remove- cmdlets, in one place: check the item (its kind, its place, its
/// account), read it only when needed, describe it for a person, approve, send, report. Requests run concurrently up
/// to -ThrottleLimit; What-if lines, prompts, output and errors stay on the pipeline thread, in input order. The
/// cmdlet declares what it is (<see cref="ChangeDeclaration"/>) and is reached through <see cref="IChangeHost"/>.
/// </summary>
internal sealed class ChangeRunner
{
    /// <summary>How long a piped object's state counts as the item's current state (see about_IotJobs).</summary>
    internal static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(2);

    private static int nextActivityId;
    private readonly ChangeDeclaration declaration;
    private readonly IChangeHost host;
    private readonly CommandConnections connections;
    private readonly CancellationToken cancellation;
    private readonly ItemSteps steps;
    private readonly OrderedBatch batch;
    private readonly BatchProgress progress;
    private readonly SummaryTally tally;

    // What -PassThru writes, held while the declaration's follow-up runs (Remove-IotJob -Wait).
    private readonly List<IotJobsItem> held = new();

    public ChangeRunner(
        ChangeDeclaration declaration,
        IChangeHost host,
        CommandConnections connections,
        CancellationToken cancellation
    )
    {
        this.declaration = declaration;
        this.host = host;
        this.connections = connections;
        this.cancellation = cancellation;
        var change = declaration.Change;
        steps = new ItemSteps(declaration, host.WhatIf);
        batch = new OrderedBatch(ExecuteAsync, cancellation);
        progress = new BatchProgress(host, Interlocked.Increment(ref nextActivityId), Words.Activity(change));
        tally = new SummaryTally(change, host.WhatIf);
    }

    private Change Change => declaration.Change;

    private bool Force => declaration.Force;

    /// <summary>Counts items known up front (an array given to -JobId), for a percentage.</summary>
    public void Expect(int count) => progress.Total = count;

    /// <summary>The flow for one item; nothing is sent for an item that is refused, skipped or only described.</summary>
    /// <param name="expectedVersion">Stop-IotJobExecution's -ExpectedVersion for this item.</param>
    public void Act(ItemTarget target, long? expectedVersion = null)
    {
        tally.Summary.Total++;
        var attempt = new Attempt(Words.Verb(Change), target.Subject, target.TargetObject, Force);
        if (Change.Acts() == ItemKind.Job && target.Piped?.Kind == ItemKind.JobExecution)
        {
            Fail(Refusals.NotAJob(target, Change), attempt, null);
            return;
        }
        ItemPlan plan;
        try
        {
            var connection = connections.For(target.Piped);
            plan = new ItemPlan(Change, target, Force, connection)
            {
                State = Fresh(target.Live),
                ExpectedVersion = expectedVersion,
            };
        }
        catch (ItemRefusedException e)
        {
            Fail(e, attempt, null);
            return;
        }
        catch (Exception e) when (ClientFactory.IsSettingsFailure(e))
        {
            host.Terminate(ErrorMapper.ToRecord(e, null, null, out _));
            return;
        }

        if (host.WhatIf)
        {
            // Described in input order once read; items read moments ago cost no request.
            Submit(new ItemWork(plan, ct => steps.PreviewAsync(plan, alwaysRead: false, ct), _ => Preview(plan)));
            return;
        }
        if (host.WillPrompt(Force) && !ReadForPrompt(plan))
            return;
        if (!host.Approve(ItemDescription.Of(plan, declaration), Force))
        {
            tally.Summary.Skipped++;
            return;
        }
        Submit(
            new ItemWork(
                plan,
                ct => steps.ChangeAsync(plan, ct),
                output =>
                {
                    tally.Summary.Changed++;
                    WriteChanged(output);
                }
            )
        );
    }

    /// <summary>Says what the work is waiting for, in the progress bar (it is also a verbose line).</summary>
    public void ShowNote(string note) => progress.Show(note, force: true);

    /// <summary>After the last item: every outcome written, the follow-up waited for, the batch summed up.</summary>
    public void Finish()
    {
        Flush(keepAtMost: 0);
        if (declaration.FollowUp != null)
        {
            host.WaitFor(declaration.FollowUp(cancellation));
            foreach (var item in held)
            {
                if (item is IotJob job && Change.StatusOnceDone() is string done)
                    job.Status = done;
                host.WriteObject(item);
            }
        }
        progress.Complete();
        if (tally.Summary.Total > 0)
            host.WriteSummary(tally.Summary);
    }

    /// <summary>
    /// Ctrl+C: the pipeline can no longer be written to, so the console is told which items' requests were abandoned
    /// on their way, and nothing is left half-known. Called before the requests are cancelled.
    /// </summary>
    public void Stop()
    {
        var unknown = batch.InFlight();
        if (unknown.Count > 0)
            host.WarnOnConsole(
                $"Stopped after {progress.Done} item(s). The service may or may not have applied the requests in "
                    + $"flight for: {string.Join(", ", unknown)}."
            );
    }

    /// <summary>A person is slower than a request: the prompt shows the freshest state. False when it failed.</summary>
    private bool ReadForPrompt(ItemPlan plan)
    {
        var read = steps.PreviewAsync(plan, alwaysRead: true, cancellation);
        host.WaitFor(read);
        try
        {
            read.GetAwaiter().GetResult();
            return true;
        }
        catch (Exception e) when (ErrorMapper.IsItemFailure(e))
        {
            Fail(e, plan.Attempt, null);
            return false;
        }
    }

    /// <summary>The What-if line of an item, and what it counts for in the batch's summary.</summary>
    private void Preview(ItemPlan plan)
    {
        host.Approve(ItemDescription.Of(plan, declaration), Force);
        tally.Previewed(plan);
    }

    private void WriteChanged(object? output)
    {
        if (output is IotJobsItem item && declaration.FollowUp != null)
            held.Add(item);
        else if (output != null)
            host.WriteObject(output);
    }

    /// <summary>Reports an item's failure, and counts it in the batch's summary by what it was.</summary>
    private void Fail(Exception e, Attempt attempt, Explanation? explanation)
    {
        var record = ErrorMapper.ToRecord(e, attempt, explanation, out bool terminating);
        tally.Failed(e, explanation, record.FullyQualifiedErrorId);
        if (terminating)
            host.Terminate(record);
        else
            host.WriteError(record);
    }

    /// <summary>The piped object as the item's state, when it was read moments ago.</summary>
    private static IotJobsItem? Fresh(IotJobsItem? live) =>
        live?.ReadAt is DateTimeOffset at && DateTimeOffset.UtcNow - at < FreshFor ? live : null;

    /// <summary>Sends an item's work once fewer than -ThrottleLimit items are in flight, writing earlier outcomes meanwhile.</summary>
    private void Submit(ItemWork work)
    {
        Flush(keepAtMost: declaration.ThrottleLimit - 1);
        batch.Add(work);
        Flush(keepAtMost: declaration.ThrottleLimit);
    }

    private async Task<ItemOutcome> ExecuteAsync(ItemWork work, CancellationToken cancel)
    {
        try
        {
            var result = await work.Run(cancel).ConfigureAwait(false);
            return new ItemOutcome(work, result, null, null);
        }
        catch (Exception e) when (ErrorMapper.IsItemFailure(e) && !cancel.IsCancellationRequested)
        {
            var explanation = await steps.ExplainAsync(work.Plan, e, cancel).ConfigureAwait(false);
            return new ItemOutcome(work, null, e, explanation);
        }
    }

    private void Flush(int keepAtMost)
    {
        foreach (var outcome in batch.Take(keepAtMost, host.WaitFor))
        {
            progress.Count(outcome.Failure != null);
            if (outcome.Failure != null)
                Fail(outcome.Failure, outcome.Work.Plan.Attempt, outcome.Explanation);
            else
                outcome.Work.Succeeded(outcome.Result);
            progress.Show(outcome.Work.Plan.Target.Subject);
        }
    }
}
