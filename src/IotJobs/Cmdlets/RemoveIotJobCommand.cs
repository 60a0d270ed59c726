using System;
using System.Management.Automation;
using IotJobs.Client.Model;
using IotJobs.Cmdlets.Bulk;
using IotJobs.Cmdlets.Validation;
using IotJobs.Model;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// Remove-IotJob: deletes jobs and their executions. Without -Force only COMPLETED and
    /// CANCELED jobs are deleted; -Force deletes in-progress ones too and skips the prompt.
    /// A batch keeps within the service's 10 deletions in progress instead of failing.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "IotJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(IotJob))]
    public sealed class RemoveIotJobCommand : BatchCmdlet
    {
        /// <summary>How often the jobs being deleted are listed to learn which are gone: 5 requests/s, half a typical 10/s limit.</summary>
        private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

        private DeletionScheduler? scheduler;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateJobId]
        [ArgumentCompleter(typeof(Completion.JobIdCompleter))]
        public string[] JobId { get; set; } = Array.Empty<string>();

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNamespaceId]
        public string? NamespaceId { get; set; }

        /// <summary>Delete jobs that are in progress too (force=true), and do not ask.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return only when every deletion has completed.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string Activity => "Removing jobs";

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            scheduler = new DeletionScheduler(Client, Cancellation, PollInterval);
        }

        protected override void ProcessRecord()
        {
            ExpectItems(JobId.Length);
            foreach (var id in JobId) Remove(id);
        }

        private void Remove(string id)
        {
            string subject = ItemText.Job(id);
            var target = new IotJob { JobId = id, NamespaceId = NamespaceId };
            string state = "";
            if (WillShowItem(Force))
            {
                if (!TryRead(() => Call((c, ct) => CurrentState.OfJobAsync(c, id, ct)), "remove", subject, target, Force, out var current)) return;
                target = current;
                bool finished = target.Status == nameof(JobStatus.COMPLETED) || target.Status == nameof(JobStatus.CANCELED);
                state = ItemText.State(target) + ItemText.RefusedWithoutForce(!finished && !Force);
            }
            if (!Approve($"Remove {subject}{state}", Force)) return;

            var request = new DeleteJobRequest { JobId = id, NamespaceId = NamespaceId, Force = Force ? true : (bool?)null };
            var output = PassThru ? target : null;
            Submit(new ItemWork("remove", subject, target, Force, async (client, ct) =>
            {
                await scheduler!.DeleteAsync(request, ct).ConfigureAwait(false);
                if (output != null) output.Status = nameof(JobStatus.DELETION_IN_PROGRESS);
                return output;
            }));
        }

        protected override void AfterBatch()
        {
            if (!Wait || scheduler!.InProgress == 0) return;
            ShowProgress($"Waiting for {scheduler.InProgress} deletion(s) to complete");
            WaitFor(scheduler.WhenAllGoneAsync());
        }

        private protected override void DisposeBatch()
        {
            base.DisposeBatch();
            scheduler?.Dispose();
        }
    }
}
