using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Cmdlets.Bulk;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// The Stop- and Remove- cmdlets: each item is approved on the pipeline thread (What if,
    /// prompts), then its requests run concurrently up to -ThrottleLimit, and its output or error
    /// is written back on the pipeline thread, in input order, with progress.
    /// </summary>
    public abstract class BatchCmdlet : IotJobsCmdlet
    {
        private static int nextActivityId;
        private OrderedBatch? batch;
        private BatchProgress? progress;

        /// <summary>
        /// How many items may be in flight at once. The default, 1, finishes each item (and writes
        /// its outcome) before sending the next, as a sequential run does; higher values help over
        /// slow links. The service's rate and deletion limits are kept whatever the value.
        /// </summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 1;

        /// <summary>The progress activity, e.g. "Removing jobs".</summary>
        protected abstract string Activity { get; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            batch = new OrderedBatch(ExecuteAsync, Cancellation);
            progress = new BatchProgress(Interlocked.Increment(ref nextActivityId), Activity);
        }

        /// <summary>
        /// Sends an approved item once fewer than -ThrottleLimit items are in flight, writing the
        /// outcomes of earlier items (in order) while it waits.
        /// </summary>
        internal void Submit(ItemWork work)
        {
            Flush(keepAtMost: ThrottleLimit - 1);
            batch!.Add(work);
            Flush(keepAtMost: ThrottleLimit);
        }

        /// <summary>Counts items known up front (an array given to -JobId), for a percentage.</summary>
        protected void ExpectItems(int count)
        {
            if (!MyInvocation.ExpectingInput) progress!.Total = count;
        }

        protected override void EndProcessing()
        {
            Flush(keepAtMost: 0);
            AfterBatch();
            WriteAttempts();
            progress!.Complete(this);
        }

        /// <summary>Work after the last item, such as waiting for deletions (-Wait).</summary>
        protected virtual void AfterBatch()
        {
        }

        /// <summary>Blocks the pipeline thread until the task ends; Ctrl+C stops the wait at once.</summary>
        protected void WaitFor(Task task)
        {
            try
            {
                Task.WaitAny(new[] { task }, Cancellation);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
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
                    $"Stopped after {progress!.Done} item(s). The service may or may not have applied the requests in flight for: {string.Join(", ", unknown)}.");
            }
        }


        private async Task<ItemOutcome> ExecuteAsync(ItemWork work, CancellationToken cancellation)
        {
            try
            {
                var output = await work.Run(Client, cancellation).ConfigureAwait(false);
                return new ItemOutcome(work, output, null, null);
            }
            catch (Exception e) when (IsCallFailure(e) && !cancellation.IsCancellationRequested)
            {
                string? reason = work.Explain == null ? null : await work.Explain(e, cancellation).ConfigureAwait(false);
                return new ItemOutcome(work, null, e, reason);
            }
        }

        private void Flush(int keepAtMost)
        {
            try
            {
                foreach (var outcome in batch!.Take(keepAtMost))
                {
                    WriteAttempts();
                    progress!.Count(outcome.Failure != null);
                    if (outcome.Failure != null)
                        WriteItemError(outcome.Failure, outcome.Work.Action, outcome.Work.Subject, outcome.Work.Target, outcome.Work.Forced, outcome.Reason);
                    else if (outcome.Output != null)
                        WriteObject(outcome.Output);
                    progress.Show(this, outcome.Work.Subject);
                }
            }
            catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }
    }
}
