using System;
using System.Collections.Generic;
using System.Linq;
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
/// to the service's limits; What-if lines, prompts, output and errors stay on the pipeline thread, in input order. The
/// cmdlet declares what it is (<see cref="ChangeDeclaration"/>) and is reached through <see cref="IChangeHost"/>.
/// Every item ends in one outcome (<see cref="Outcome"/>), decided by the change's own answer.
/// </summary>
internal sealed class ChangeRunner
{
    /// <summary>How long a piped object's state counts as the item's current state (see about_IotJobs).</summary>
    internal static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Items under way and not yet written, at most: output stays in input order, so items that finished behind a
    /// slow one wait to be written; past this many, the pipeline waits for the oldest, which bounds the memory a
    /// batch holds and passes the wait on to the command that feeds it.
    /// </summary>
    private const int MaxUnwritten = 1000;

    private static int nextActivityId;
    private readonly ChangeDeclaration declaration;
    private readonly IChangeHost host;
    private readonly CommandConnections connections;
    private readonly CancellationToken cancellation;
    private readonly ItemSteps steps;
    private readonly OrderedBatch batch;
    private readonly Lanes lanes;
    private readonly BatchProgress progress;
    private readonly SummaryTally tally;

    private readonly BatchReport report;

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
        batch = new OrderedBatch();
        lanes = new Lanes(declaration.ThrottleLimit, cancellation);
        var activity = Words.Activity(change, host.WhatIf);
        progress = new BatchProgress(host, Time, Interlocked.Increment(ref nextActivityId), activity);
        tally = new SummaryTally(change, host.WhatIf);
        report = new BatchReport(declaration, host, steps, tally, progress, ShowProgress, cancellation);
    }

    private Change Change => declaration.Change;

    private bool Force => declaration.Force;

    /// <summary>Counts items known up front (an array given to -JobId), for a percentage.</summary>
    public void Expect(int count) => progress.Total = count;

    /// <summary>
    /// The flow for one item; nothing is sent for an item that is refused, skipped or only described.
    /// </summary>
    /// <param name="expectedVersion">Stop-IotJobExecution's -ExpectedVersion for this item.</param>
    public void Act(ItemTarget target, long? expectedVersion = null)
    {
        tally.Summary.Total++;
        var attempt = ItemPlan.AttemptOn(Change, target);
        if (host.DeclinedAll)
        {
            // "No to All": the rest of the batch is skipped as the person asked, without reading or refusing it.
            tally.Summary.Skipped++;
            return;
        }
        if (Change.Acts() == ItemKind.Job && target.Piped?.Kind == ItemKind.JobExecution)
        {
            Refuse(ItemResult.NotApplied(attempt, Refusals.NotAJob(target, Change)));
            return;
        }
        ItemPlan plan;
        try
        {
            plan = new ItemPlan(Change, target, Force, connections.For(target.Piped))
            {
                State = Fresh(target.Live),
                ExpectedVersion = expectedVersion,
            };
        }
        catch (ItemRefusedException e)
        {
            Refuse(ItemResult.NotApplied(attempt, e));
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
            Submit(plan, ct => PreviewAsync(plan, alwaysRead: false, ct));
            return;
        }
        if (host.WillPrompt(Force))
        {
            // Earlier items are reported first, and a person is slower than a request: the prompt shows the
            // freshest state.
            Flush(keepAtMost: MaxUnwritten);
            var read = PreviewAsync(plan, alwaysRead: true, cancellation);
            host.WaitFor(read);
            if (read.Result.Outcome != Outcome.Previewed)
            {
                Refuse(read.Result);
                return;
            }
        }
        if (!host.Approve(ItemDescription.Of(plan, declaration), Force))
        {
            tally.Summary.Skipped++;
            return;
        }
        Submit(plan, ct => steps.ChangeAsync(plan, ct));
    }

    /// <summary>Says what the work is waiting for, in the progress bar (it is also a verbose line).</summary>
    public void ShowNote(string note) => ShowProgress(note, force: true);

    private void ShowProgress(string current, bool force = false) =>
        progress.Show(current, tally.Summary.Total, declaration.Waiting?.Invoke(), force);

    /// <summary>
    /// After the last item: every result written, items whose answer was lost looked at once more, the follow-up
    /// waited for, the batch summed up.
    /// </summary>
    public void Finish()
    {
        Flush(keepAtMost: 0);
        report.LookAgain();
        report.FollowUp();
        progress.Complete();
        if (tally.Summary.Total > 0)
            host.WriteSummary(tally.Summary);
    }

    /// <summary>
    /// Ctrl+C: the pipeline can no longer be written to, so the console is told what became of every item not yet
    /// reported. Called on another thread, before the requests are cancelled.
    /// </summary>
    public void Stop()
    {
        var unreported = batch.Unwritten().Select(e => (e.Plan, e.Result, e.Subject)).Concat(report.Held());
        if (StopAccount.Of(Change, unreported) is string account)
            host.WarnOnConsole(account);
    }

    /// <summary>
    /// Checks and reads the item for a dry run or a prompt; its result is Previewed, or why it cannot be.
    /// </summary>
    private async Task<ItemResult> PreviewAsync(ItemPlan plan, bool alwaysRead, CancellationToken cancel)
    {
        try
        {
            await steps.PreviewAsync(plan, alwaysRead, cancel).ConfigureAwait(false);
            return ItemResult.Previewed(plan);
        }
        catch (Exception e) when (ErrorMapper.IsItemFailure(e) && !cancel.IsCancellationRequested)
        {
            return ItemResult.Refused(plan, e, null);
        }
    }

    /// <summary>A bad value given for an item (a piped id the service would refuse), reported in its turn.</summary>
    public void RefuseInput(InvalidInputException invalid, object target)
    {
        tally.Summary.Total++;
        Refuse(ItemResult.NotApplied(new Attempt(Words.Verb(Change), "-" + invalid.Parameter, target), invalid));
    }

    /// <summary>An item refused before anything was sent, reported in its turn.</summary>
    private void Refuse(ItemResult result)
    {
        batch.Add(result);
        Flush(keepAtMost: MaxUnwritten);
    }

    /// <summary>The piped object as the item's state, when it was read moments ago.</summary>
    private IotJobsItem? Fresh(IotJobsItem? live) =>
        live?.ReadAt is DateTimeOffset at && Time.GetUtcNow() - at < FreshFor ? live : null;

    private TimeProvider Time => connections.Options.Time;

    /// <summary>
    /// Hands an item's work to its place's lane (<see cref="Lanes"/>), and writes what earlier items have come to.
    /// Where the first error must end the command (-ErrorAction Stop), an item starts only once fewer than
    /// -ThrottleLimit earlier ones are unwritten: when the first error ends the command, at most -ThrottleLimit - 1
    /// later items were sent (none with the default of 1, as a sequential run would).
    /// </summary>
    private void Submit(ItemPlan plan, Func<CancellationToken, Task<ItemResult>> run)
    {
        if (host.StopsAtFirstError)
        {
            Flush(keepAtMost: declaration.ThrottleLimit - 1);
            batch.Add(plan, Task.Run(() => run(cancellation)));
            return;
        }
        batch.Add(plan, lanes.Schedule(plan, run));
        Flush(keepAtMost: MaxUnwritten);
    }

    private void Flush(int keepAtMost)
    {
        foreach (var result in batch.Take(keepAtMost, host.WaitFor))
            report.Write(result);
    }
}
