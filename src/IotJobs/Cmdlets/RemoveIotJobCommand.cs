using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Cmdlets.Backup;
using IotJobs.Cmdlets.Connection;
using IotJobs.Cmdlets.Items;
using IotJobs.Cmdlets.Rules;
using IotJobs.Cmdlets.Validation;
using IotJobs.Model;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// Remove-IotJob: deletes jobs and their executions. Without -Force only COMPLETED and
    /// CANCELED jobs are deleted; -Force deletes in-progress ones too and skips the prompt.
    /// A batch keeps within the service's 10 deletions in progress instead of failing.
    /// </summary>
    [Cmdlet(
        VerbsCommon.Remove,
        "IotJob",
        HelpUri = HelpLinks.Pages + "Remove-IotJob.md",
        SupportsShouldProcess = true,
        ConfirmImpact = ConfirmImpact.High
    )]
    [OutputType(typeof(IotJob))]
    public sealed class RemoveIotJobCommand : ChangeCmdlet
    {
        /// <summary>The Status -PassThru reports, after -Wait, for a job that is gone.</summary>
        public const string Deleted = "DELETED";

        // The 10-deletion limit is per account and region: one scheduler per connection.
        private readonly ConcurrentDictionary<ItemConnection, DeletionScheduler> schedulers =
            new ConcurrentDictionary<ItemConnection, DeletionScheduler>();
        private readonly List<IotJob> removedWhenDone = new List<IotJob>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateJobId]
        [ArgumentCompleter(typeof(Completion.JobIdCompleter))]
        public string[] JobId { get; set; } = Array.Empty<string>();

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [ValidateNamespaceId]
        public string? NamespaceId { get; set; }

        /// <summary>Delete jobs that are in progress too (force=true), and do not ask.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Return only when every deletion has completed.</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>A folder: before each deletion, the job, its document and its executions are written there, one file per job.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? BackupPath { get; set; }

        private string? backupFolder;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string Activity => "Removing jobs";

        private protected override Change Change => Change.DeleteJob;

        private protected override bool Forced => Force;

        private protected override bool PassThruRequested => PassThru;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (BackupPath != null)
                backupFolder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(BackupPath);
        }

        protected override void ProcessRecord()
        {
            ExpectItems(JobId.Length);
            var piped = PipedItem.Of(InputObject);
            foreach (var id in JobId)
                Act(ItemTarget.Job(id, NamespaceId, piped));
        }

        private protected override string Consequence(ItemPlan plan)
        {
            string scheduled =
                (plan.State as IotJob)?.Status == nameof(JobStatus.SCHEDULED)
                    ? ", before it starts, with any executions from an earlier maintenance window"
                    : "";
            string backup =
                backupFolder == null ? "" : $", after backing it up to {ItemBackup.PathFor(backupFolder, plan.Target)}";
            return scheduled + backup;
        }

        private protected override async Task SendAsync(ItemPlan plan, CancellationToken cancellationToken)
        {
            // Nothing is deleted before its backup is on disk. A deleted job may be gone before it can be read
            // again: -PassThru reads it in full first (a backup reads it anyway).
            if (backupFolder != null)
                plan.State = await ItemBackup.WriteAsync(plan, backupFolder, cancellationToken).ConfigureAwait(false);
            else if (PassThru && (plan.State as IotJob)?.ProcessDetails == null)
                plan.State = await ReadAsync(plan, cancellationToken).ConfigureAwait(false);
            await SchedulerFor(plan.Connection)
                .DeleteAsync(
                    new DeleteJobRequest
                    {
                        JobId = plan.Target.JobId,
                        NamespaceId = plan.Target.NamespaceId,
                        Force = plan.Forced ? true : (bool?)null,
                    },
                    cancellationToken
                )
                .ConfigureAwait(false);
        }

        /// <summary>The job as read just before, now as the service has it: being deleted.</summary>
        private protected override Task<object?> AfterChangeAsync(ItemPlan plan, CancellationToken cancellationToken)
        {
            var job = (IotJob)plan.State!;
            job.Status = nameof(JobStatus.DELETION_IN_PROGRESS);
            return Task.FromResult<object?>(job);
        }

        private protected override void WriteOutcome(ItemPlan plan, object? output)
        {
            if (Wait && output is IotJob job)
                removedWhenDone.Add(job);
            else
                base.WriteOutcome(plan, output);
        }

        protected override void AfterBatch()
        {
            int inProgress = schedulers.Values.Sum(s => s.InProgress);
            if (Wait && inProgress > 0)
            {
                ShowProgress($"Waiting for {inProgress} deletion(s) to complete");
                WaitFor(Task.WhenAll(schedulers.Values.Select(s => s.WhenAllGoneAsync())));
            }
            foreach (var job in removedWhenDone)
            {
                job.Status = Deleted;
                WriteObject(job);
            }
        }

        private DeletionScheduler SchedulerFor(ItemConnection connection) =>
            schedulers.GetOrAdd(connection, c => new DeletionScheduler(c.Client, Cancellation, Note));
    }
}
