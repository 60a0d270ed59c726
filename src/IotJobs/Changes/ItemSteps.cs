using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Backup;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Connections;
using IotJobs.Errors;
using IotJobs.Model;
using IotJobs.Output;
using IotJobs.Ownership;
using IotJobs.Rules;

namespace IotJobs.Changes;

/// <summary>
/// The requests of one item, in order, off the pipeline thread: check where and whose it is, read it when its state
/// is needed, back it up, send the change, read what -PassThru writes. Nothing here writes to the pipeline.
/// </summary>
internal sealed class ItemSteps
{
    private readonly ChangeDeclaration declaration;
    private readonly bool whatIf;
    private readonly OwnershipGuard ownership = new();

    public ItemSteps(ChangeDeclaration declaration, bool whatIf)
    {
        this.declaration = declaration;
        this.whatIf = whatIf;
    }

    /// <summary>
    /// Checks the account and the owner, and reads the state unless it is already known; changes nothing.
    /// </summary>
    public async Task PreviewAsync(ItemPlan plan, bool alwaysRead, CancellationToken cancellation)
    {
        await CommandConnections
            .CheckAccountAsync(plan.Target.Piped, plan.Connection, cancellation)
            .ConfigureAwait(false);
        if (plan.State == null || alwaysRead)
            plan.State = await ReadAsync(plan, cancellation).ConfigureAwait(false);
        RefuseNotCurrent(plan);
        try
        {
            await CheckOwnerAsync(plan, cancellation).ConfigureAwait(false);
        }
        catch (ItemRefusedException owned) when (whatIf && owned.Refusal == Refusal.ServiceOwnedJob)
        {
            // A dry run says it as it says the service's refusals: on the item's What-if line.
            plan.OwnedBy = owned.Message;
        }
    }

    /// <summary>
    /// Makes the change, and says what became of it: decided by the change's own answer alone. Reading the item back
    /// for -PassThru comes after, and its failure is a note on an applied change, not a failure of it.
    /// </summary>
    public async Task<ItemResult> ChangeAsync(ItemPlan plan, CancellationToken cancellation)
    {
        try
        {
            await SendAsync(plan, cancellation).ConfigureAwait(false);
        }
        catch (AnswerLostException lost) when (!cancellation.IsCancellationRequested)
        {
            // Sent, and neither the answer nor a look at the item came back: the batch looks again at its end.
            return ItemResult.Unknown(plan, lost);
        }
        catch (Exception e) when (ErrorMapper.IsItemFailure(e) && !cancellation.IsCancellationRequested)
        {
            plan.Decided(applied: false);
            var explanation = await ExplainAsync(plan, e, cancellation).ConfigureAwait(false);
            return ItemResult.Refused(plan, e, explanation);
        }
        plan.Decided(applied: true);
        return await AfterAsync(plan, cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// After the batch, for an item whose answer was lost: looks at the item once more, with the client's patience,
    /// and decides from what the service has now. Still unknown when the look fails too.
    /// </summary>
    public async Task<ItemResult> LookAgainAsync(ItemPlan plan, ItemResult unknown, CancellationToken cancellation)
    {
        bool applied;
        try
        {
            applied = StateRules.ShowsApplied(plan.Change, await FindAsync(plan, cancellation).ConfigureAwait(false));
        }
        catch (Exception e) when (ErrorMapper.IsItemFailure(e) && !cancellation.IsCancellationRequested)
        {
            return unknown;
        }
        plan.Decided(applied);
        if (!applied)
            return ItemResult.Refused(plan, new NotAppliedException(unknown.Failure!), null);
        return await AfterAsync(plan, cancellation).ConfigureAwait(false);
    }

    /// <summary>Checks, backs up, and sends the change; marks when it leaves.</summary>
    private async Task SendAsync(ItemPlan plan, CancellationToken cancellation)
    {
        await CommandConnections
            .CheckAccountAsync(plan.Target.Piped, plan.Connection, cancellation)
            .ConfigureAwait(false);
        await CheckOwnerAsync(plan, cancellation).ConfigureAwait(false);
        // Nothing is deleted before its backup is on disk; the backup reads the item in full anyway.
        if (declaration.BackupFolder != null)
            plan.State = await ItemBackup
                .WriteAsync(plan, declaration.BackupFolder, cancellation)
                .ConfigureAwait(false);
        else if (declaration.PassThru && plan.Change.ReadsBeforeSending() && !KnownInFull(plan.State))
            plan.State = await ReadAsync(plan, cancellation).ConfigureAwait(false);
        if (!declaration.MarksSending)
            plan.Sending();
        await declaration.Send(plan, cancellation).ConfigureAwait(false);
    }

    /// <summary>What -PassThru writes of an applied change; a failure to read it is said beside the outcome.</summary>
    private async Task<ItemResult> AfterAsync(ItemPlan plan, CancellationToken cancellation)
    {
        if (!declaration.PassThru)
            return ItemResult.Applied(plan, null);
        var change = plan.Change;
        if (change.ReadsBeforeSending())
        {
            // Read just before the deletion: it may be gone before it could be read again.
            if (plan.State is IotJob job)
                job.Status = change.StatusOnceAccepted();
            return ItemResult.Applied(plan, plan.State);
        }
        try
        {
            return ItemResult.Applied(plan, await ReadAsync(plan, cancellation).ConfigureAwait(false));
        }
        catch (Exception e) when (ErrorMapper.IsItemFailure(e) && !cancellation.IsCancellationRequested)
        {
            return ItemResult.Applied(
                plan,
                null,
                Words.ReadBackFailed(plan.Change, plan.Target, plan.Connection.Location, ErrorMapper.Why(e))
            );
        }
    }

    /// <summary>
    /// Why the service refused the item, from the table of its rules and the item's state as read now: so "Add
    /// -Force" is said only where force would succeed.
    /// </summary>
    public async Task<Explanation?> ExplainAsync(ItemPlan plan, Exception e, CancellationToken cancellation)
    {
        if (!(e is InvalidStateTransitionException) && !(e is VersionConflictException))
            return null;
        IotJobsItem current;
        try
        {
            current = await ReadAsync(plan, cancellation).ConfigureAwait(false);
        }
        catch (Exception lookup) when (ErrorMapper.IsItemFailure(lookup))
        {
            return null;
        }
        if (e is VersionConflictException)
        {
            string now = (current as IotJobExecution)?.VersionNumber is long v ? Words.Number(v) : "unknown";
            var expected = plan.ExpectedVersion?.ToString(CultureInfo.InvariantCulture);
            return new Explanation($"it is at version {now}, not the expected version {expected}", null);
        }
        var ruling = StateRules.Rule(plan.Change, ItemPlan.StatusOf(current), plan.Forced);
        return ruling.Refused ? new Explanation(ruling.Reason, ruling.ForceAdvice, ruling) : null;
    }

    /// <summary>Reads the item's current state, stamped with where it was read.</summary>
    private static async Task<IotJobsItem> ReadAsync(ItemPlan plan, CancellationToken cancellation)
    {
        var t = plan.Target;
        var client = plan.Connection.Client;
        if (t.Kind == ItemKind.Job)
        {
            var request = new DescribeJobRequest { JobId = t.JobId };
            var answer = await client.DescribeJobAsync(request, cancellation).ConfigureAwait(false);
            return OutputMapper.ToJob(answer.Job!, plan.Connection);
        }
        var execution = await client
            .DescribeJobExecutionAsync(
                new DescribeJobExecutionRequest
                {
                    JobId = t.JobId,
                    ThingName = t.ThingName,
                    ExecutionNumber = plan.Change.ActsOnCurrentExecution() ? null : t.ExecutionNumber,
                },
                cancellation
            )
            .ConfigureAwait(false);
        return OutputMapper.ToExecution(execution.Execution!, plan.Connection);
    }

    /// <summary>The item as the service has it now, or null when it is gone.</summary>
    private static async Task<IotJobsItem?> FindAsync(ItemPlan plan, CancellationToken cancellation)
    {
        try
        {
            return await ReadAsync(plan, cancellation).ConfigureAwait(false);
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    /// <summary>A job read from a listing has no execution counts: what -PassThru writes should have them.</summary>
    private static bool KnownInFull(IotJobsItem? state) => state != null && !(state is IotJob { ProcessDetails: null });

    /// <summary>Refuses a job another service owns, or an execution of one, unless -AllowServiceOwned.</summary>
    private Task CheckOwnerAsync(ItemPlan plan, CancellationToken cancellation) =>
        declaration.AllowServiceOwned ? Task.CompletedTask : ownership.CheckAsync(plan, cancellation);

    /// <summary>
    /// A piped execution that is no longer the thing's current one is not the one a cancel would cancel.
    /// </summary>
    private static void RefuseNotCurrent(ItemPlan plan)
    {
        if (!plan.Change.ActsOnCurrentExecution() || !plan.Target.ExecutionNumber.HasValue)
            return;
        long? current = (plan.State as IotJobExecution)?.ExecutionNumber;
        if (current.HasValue && current != plan.Target.ExecutionNumber)
            throw Refusals.NotCurrent(plan.Target.ExecutionNumber.Value, current);
    }
}
