using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;
using IotJobs.Cmdlets.Bulk;
using IotJobs.Cmdlets.Items;
using IotJobs.Cmdlets.Rules;
using IotJobs.Model;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// The Stop- and Remove- cmdlets, and the one per-item flow they share: check the item (its kind, its
    /// place, its account), read it only when needed, describe it for a person, approve, send, report. Each
    /// cmdlet declares only what differs: its change (which is its rule and its words) and its request.
    /// Requests run concurrently up to -ThrottleLimit; What-if lines, prompts, output and errors stay on the
    /// pipeline thread, in input order.
    /// </summary>
    public abstract class ChangeCmdlet : IotJobsCmdlet
    {
        /// <summary>How long a piped object's state counts as the item's current state (see about_IotJobs).</summary>
        internal static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(2);

        private static int nextActivityId;
        private OrderedBatch? batch;
        private BatchProgress? progress;
        private IotJobsSummary? summary;

        /// <summary>
        /// How many items may be in flight at once. The default, 1, finishes each item (and writes
        /// its outcome) before sending the next, as a sequential run does; higher values help over
        /// slow links. The service's rate and deletion limits are kept whatever the value.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 1;

        /// <summary>
        /// Change jobs that another service created and manages (an OTA update's, a Greengrass deployment's),
        /// and their executions, too; without it they are refused, with the owner's own way to do it.
        /// </summary>
        [Parameter]
        public SwitchParameter AllowServiceOwned { get; set; }

        private readonly Ownership ownership = new Ownership();

        /// <summary>The change this cmdlet makes: its rule in <see cref="StateRules"/>, its verb, its kind of item.</summary>
        private protected abstract Change Change { get; }

        /// <summary>Whether -Force was given: force=true, and no prompt.</summary>
        private protected abstract bool Forced { get; }

        /// <summary>Whether -PassThru was given: write the item as the service has it after the change.</summary>
        private protected abstract bool PassThruRequested { get; }

        /// <summary>The progress activity, e.g. "Removing jobs".</summary>
        protected abstract string Activity { get; }

        /// <summary>Sends the change; throws the service's refusal.</summary>
        private protected abstract Task SendAsync(ItemPlan plan, CancellationToken cancellationToken);

        /// <summary>What the change does besides the obvious, for the What-if line, e.g. ", canceling its in-progress executions too".</summary>
        private protected virtual string Consequence(ItemPlan plan) => "";

        private bool JobLevel => Change == Change.CancelJob || Change == Change.DeleteJob;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            batch = new OrderedBatch(ExecuteAsync, Cancellation);
            progress = new BatchProgress(Interlocked.Increment(ref nextActivityId), Activity);
            summary = new IotJobsSummary(
                WhatIfRequested,
                JobLevel ? "job" : "execution",
                Words.Verb(Change) == "stop" ? "stopped" : "removed"
            );
        }

        /// <summary>Counts items known up front (an array given to -JobId), for a percentage.</summary>
        protected void ExpectItems(int count)
        {
            if (!MyInvocation.ExpectingInput)
                progress!.Total = count;
        }

        /// <summary>The flow for one item; nothing is sent for an item that is refused, skipped or only described.</summary>
        internal void Act(ItemTarget target, Action<ItemPlan>? prepare = null)
        {
            summary!.Total++;
            var attempt = new Attempt(Words.Verb(Change), target.Subject, target.TargetObject, Forced);
            if (JobLevel && target.Piped?.Kind == ItemKind.JobExecution)
            {
                string executionCmdlet = Change == Change.CancelJob ? "Stop-IotJobExecution" : "Remove-IotJobExecution";
                Fail(Refusals.NotAJob(target, attempt.Verb, executionCmdlet), attempt, null);
                return;
            }
            ItemPlan plan;
            try
            {
                plan = new ItemPlan(Change, target, Forced, ConnectionFor(target.Piped)) { State = Fresh(target.Live) };
            }
            catch (ItemRefusedException e)
            {
                Fail(e, attempt, null);
                return;
            }
            prepare?.Invoke(plan);

            if (WhatIfRequested)
            {
                // Described in input order once read; items read moments ago cost no request.
                Submit(new ItemWork(plan, ct => PreviewAsync(plan, ct), _ => Preview(plan)));
                return;
            }
            if (WillPrompt(Forced))
            {
                // A person is slower than a request: show the freshest state.
                try
                {
                    Call(plan.Connection, (_, ct) => PreviewAsync(plan, ct, alwaysRead: true));
                }
                catch (Exception e) when (IsCallFailure(e))
                {
                    Fail(e, plan.Attempt, null);
                    return;
                }
            }
            if (!Approve(Describe(plan), Forced))
            {
                summary.Skipped++;
                return;
            }
            Submit(
                new ItemWork(
                    plan,
                    ct => ChangeAsync(plan, ct),
                    output =>
                    {
                        summary.Changed++;
                        WriteOutcome(plan, output);
                    }
                )
            );
        }

        /// <summary>The What-if line of an item, and what it counts for in the batch's summary.</summary>
        private void Preview(ItemPlan plan)
        {
            Approve(Describe(plan), Forced);
            if (plan.OwnedBy != null)
                summary!.ServiceOwned++;
            else if (!CountedAsRefused(plan.Ruling))
                summary!.Changed++;
        }

        /// <summary>Counts a refusal the table of the service's rules foresees; false for any other verdict.</summary>
        private bool CountedAsRefused(Ruling? ruling)
        {
            switch (ruling?.Verdict)
            {
                case Verdict.NeedsForce:
                    summary!.CountNeedForce(ruling.Status);
                    return true;
                case Verdict.AlreadyFinished:
                    summary!.CountAlreadyFinished(ruling.Status);
                    return true;
                case Verdict.BeingDeleted:
                    summary!.BeingDeleted++;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Reports an item's failure, and counts it in the batch's summary by what it was.</summary>
        private void Fail(Exception e, Attempt attempt, Explanation? explanation)
        {
            var record = ErrorMapper.ToRecord(e, attempt, explanation, out bool terminating);
            string id = record.FullyQualifiedErrorId;
            if (!CountedAsRefused(explanation?.Ruling))
            {
                if (id == "NotFound")
                    summary!.NotFound++;
                else if (id == Ownership.RefusalId)
                    summary!.ServiceOwned++;
                else
                    summary!.CountFailed(id);
            }
            if (terminating)
                ThrowTerminatingError(record);
            WriteError(record);
        }

        /// <summary>Writes what -PassThru returns; Remove-IotJob -Wait holds it until the deletion is done.</summary>
        private protected virtual void WriteOutcome(ItemPlan plan, object? output)
        {
            if (output != null)
                WriteObject(output);
        }

        /// <summary>The item as the service has it after the change, for -PassThru.</summary>
        private protected virtual async Task<object?> AfterChangeAsync(
            ItemPlan plan,
            CancellationToken cancellationToken
        ) => await ReadAsync(plan, cancellationToken).ConfigureAwait(false);

        /// <summary>Reads the item's current state, stamped with where it was read.</summary>
        private protected async Task<IotJobsItem> ReadAsync(ItemPlan plan, CancellationToken cancellationToken)
        {
            var t = plan.Target;
            var client = plan.Connection.Client;
            if (t.Kind == ItemKind.Job)
            {
                var answer = await client
                    .DescribeJobAsync(new Client.Model.DescribeJobRequest { JobId = t.JobId }, cancellationToken)
                    .ConfigureAwait(false);
                return OutputMapper.ToJob(answer.Job!, plan.Connection);
            }
            // CancelJobExecution acts on the thing's current execution, so that is the one to read.
            long? number = plan.Change == Change.DeleteJobExecution ? t.ExecutionNumber : null;
            var execution = await client
                .DescribeJobExecutionAsync(
                    new Client.Model.DescribeJobExecutionRequest
                    {
                        JobId = t.JobId,
                        ThingName = t.ThingName,
                        ExecutionNumber = number,
                    },
                    cancellationToken
                )
                .ConfigureAwait(false);
            return OutputMapper.ToExecution(execution.Execution!, plan.Connection);
        }

        protected override void EndProcessing()
        {
            Flush(keepAtMost: 0);
            AfterBatch();
            WriteMeanwhile();
            progress!.Complete(this);
            WriteSummary();
        }

        /// <summary>
        /// The batch in one line: after a dry run of several items as a last What-if line, and after every
        /// batch to the information stream, where a runbook can keep it (-InformationVariable).
        /// </summary>
        private void WriteSummary()
        {
            if (summary!.Total == 0)
                return;
            if (summary.WhatIf && summary.Total > 1)
                Host.UI?.WriteLine("What if: " + summary);
            WriteInformation(summary, new[] { "IotJobs.Summary" });
        }

        /// <summary>Work after the last item, such as waiting for deletions (-Wait).</summary>
        protected virtual void AfterBatch() { }

        /// <summary>
        /// Blocks the pipeline thread until the task ends, writing what the work says meanwhile;
        /// Ctrl+C stops the wait at once.
        /// </summary>
        protected void WaitFor(Task task)
        {
            try
            {
                while (Task.WaitAny(new[] { task }, 250, Cancellation) < 0)
                    WriteMeanwhile();
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
        }

        private protected override void ShowNote(string note)
        {
            base.ShowNote(note);
            progress!.Show(this, note, force: true);
        }

        protected void ShowProgress(string current) => progress!.Show(this, current, force: true);

        protected override void StopProcessing()
        {
            // Which items are on their way must be read before cancelling ends them.
            var unknown = batch?.InFlight();
            base.StopProcessing();
            if (unknown != null && unknown.Count > 0)
            {
                // Output can no longer be written once the pipeline stops: say on the console which
                // items' requests were abandoned on their way, so nothing is left half-known.
                Host.UI.WriteWarningLine(
                    $"Stopped after {progress!.Done} item(s). The service may or may not have applied the requests in flight for: {string.Join(", ", unknown)}."
                );
            }
        }

        private string Describe(ItemPlan plan)
        {
            string verb = Words.Verb(Change);
            var ruling = plan.Ruling;
            string consequence = ruling.Refused || plan.OwnedBy != null ? "" : Consequence(plan);
            string warning =
                plan.OwnedBy != null
                    ? $"; {plan.OwnedBy}, so it is refused without -AllowServiceOwned"
                    : ruling.Warning;
            return $"{char.ToUpperInvariant(verb[0])}{verb.Substring(1)} {plan.Target.Subject}{Words.State(plan.State)}{consequence}{warning}";
        }

        /// <summary>The piped object as the item's state, when it was read moments ago.</summary>
        private static IotJobsItem? Fresh(IotJobsItem? live) =>
            live?.ReadAt is DateTimeOffset at && DateTimeOffset.UtcNow - at < FreshFor ? live : null;

        /// <summary>Checks the account and the owner, and reads the state unless it is already known; nothing is changed.</summary>
        private async Task<object?> PreviewAsync(
            ItemPlan plan,
            CancellationToken cancellationToken,
            bool alwaysRead = false
        )
        {
            await CheckAccountAsync(plan.Target.Piped, plan.Connection, cancellationToken).ConfigureAwait(false);
            if (plan.State == null || alwaysRead)
                plan.State = await ReadAsync(plan, cancellationToken).ConfigureAwait(false);
            RefuseNotCurrent(plan);
            try
            {
                await CheckOwnerAsync(plan, cancellationToken).ConfigureAwait(false);
            }
            catch (ItemRefusedException owned) when (WhatIfRequested && owned.ErrorId == Ownership.RefusalId)
            {
                // A dry run says it as it says the service's refusals: on the item's What-if line.
                plan.OwnedBy = owned.Message;
            }
            return plan;
        }

        private async Task<object?> ChangeAsync(ItemPlan plan, CancellationToken cancellationToken)
        {
            await CheckAccountAsync(plan.Target.Piped, plan.Connection, cancellationToken).ConfigureAwait(false);
            await CheckOwnerAsync(plan, cancellationToken).ConfigureAwait(false);
            await SendAsync(plan, cancellationToken).ConfigureAwait(false);
            return PassThruRequested ? await AfterChangeAsync(plan, cancellationToken).ConfigureAwait(false) : null;
        }

        /// <summary>Refuses a job another service owns, or an execution of one, unless -AllowServiceOwned.</summary>
        private Task CheckOwnerAsync(ItemPlan plan, CancellationToken cancellationToken) =>
            AllowServiceOwned
                ? Task.CompletedTask
                : ownership.CheckAsync(
                    plan.Target,
                    plan.State,
                    plan.Connection,
                    Words.Verb(Change),
                    !JobLevel,
                    cancellationToken
                );

        /// <summary>A piped execution that is no longer the thing's current one is not the one CancelJobExecution would cancel.</summary>
        private static void RefuseNotCurrent(ItemPlan plan)
        {
            if (plan.Change != Change.CancelJobExecution || !plan.Target.ExecutionNumber.HasValue)
                return;
            long? current = (plan.State as IotJobExecution)?.ExecutionNumber;
            if (current.HasValue && current != plan.Target.ExecutionNumber)
                throw Refusals.NotCurrent(plan.Target.ExecutionNumber.Value, current);
        }

        /// <summary>
        /// Sends an item's work once fewer than -ThrottleLimit items are in flight, writing the
        /// outcomes of earlier items (in order) while it waits.
        /// </summary>
        private void Submit(ItemWork work)
        {
            Flush(keepAtMost: ThrottleLimit - 1);
            batch!.Add(work);
            Flush(keepAtMost: ThrottleLimit);
        }

        private async Task<ItemOutcome> ExecuteAsync(ItemWork work, CancellationToken cancellation)
        {
            try
            {
                var result = await work.Run(cancellation).ConfigureAwait(false);
                return new ItemOutcome(work, result, null, null);
            }
            catch (Exception e) when (IsCallFailure(e) && !cancellation.IsCancellationRequested)
            {
                return new ItemOutcome(
                    work,
                    null,
                    e,
                    await ExplainAsync(work.Plan, e, cancellation).ConfigureAwait(false)
                );
            }
        }

        /// <summary>
        /// Why the service refused the item, from the table of its rules and the item's state as read now:
        /// so "Add -Force" is said only where force would succeed.
        /// </summary>
        private async Task<Explanation?> ExplainAsync(ItemPlan plan, Exception e, CancellationToken cancellation)
        {
            if (!(e is InvalidStateTransitionException) && !(e is VersionConflictException))
                return null;
            IotJobsItem current;
            try
            {
                current = await ReadAsync(plan, cancellation).ConfigureAwait(false);
            }
            catch (Exception lookup) when (IsCallFailure(lookup))
            {
                return null;
            }
            if (e is VersionConflictException)
            {
                string now = (current as IotJobExecution)?.VersionNumber?.ToString(
                    System.Globalization.CultureInfo.InvariantCulture
                ) ?? "unknown";
                return new Explanation(
                    $"it is at version {now}, not the expected version {plan.ExpectedVersion}",
                    null
                );
            }
            var ruling = StateRules.Rule(plan.Change, ItemPlan.StatusOf(current), plan.Forced);
            return ruling.Refused ? new Explanation(ruling.Reason, ruling.ForceAdvice, ruling) : null;
        }

        private void Flush(int keepAtMost)
        {
            try
            {
                foreach (var outcome in batch!.Take(keepAtMost, WriteMeanwhile))
                {
                    WriteMeanwhile();
                    progress!.Count(outcome.Failure != null);
                    if (outcome.Failure != null)
                        Fail(outcome.Failure, outcome.Work.Plan.Attempt, outcome.Explanation);
                    else
                        outcome.Work.Succeeded(outcome.Result);
                    progress.Show(this, outcome.Work.Plan.Target.Subject);
                }
            }
            catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }
    }
}
