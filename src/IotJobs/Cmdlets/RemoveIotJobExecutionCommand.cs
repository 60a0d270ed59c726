using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client.Model;
using IotJobs.Cmdlets.Backup;
using IotJobs.Cmdlets.Items;
using IotJobs.Cmdlets.Rules;
using IotJobs.Cmdlets.Validation;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// Remove-IotJobExecution: deletes one execution, named by job, thing and execution number.
    /// Without -Force only finished executions are deleted.
    /// </summary>
    [Cmdlet(
        VerbsCommon.Remove,
        "IotJobExecution",
        HelpUri = HelpLinks.Pages + "Remove-IotJobExecution.md",
        SupportsShouldProcess = true,
        ConfirmImpact = ConfirmImpact.High
    )]
    public sealed class RemoveIotJobExecutionCommand : ChangeCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateJobId]
        [ArgumentCompleter(typeof(Completion.JobIdCompleter))]
        public string JobId { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateThingName]
        [ArgumentCompleter(typeof(Completion.ThingNameCompleter))]
        public string ThingName { get; set; } = "";

        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long ExecutionNumber { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [ValidateNamespaceId]
        public string? NamespaceId { get; set; }

        /// <summary>Delete an execution that is not finished too (force=true), and do not ask.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>A folder: before each deletion, the execution as described is written there, one file per execution.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? BackupPath { get; set; }

        private string? backupFolder;

        protected override string Activity => "Removing job executions";

        private protected override Change Change => Change.DeleteJobExecution;

        private protected override bool Forced => Force;

        private protected override bool PassThruRequested => false;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (BackupPath != null)
                backupFolder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(BackupPath);
        }

        protected override void ProcessRecord() =>
            Act(ItemTarget.Execution(JobId, ThingName, ExecutionNumber, NamespaceId, PipedItem.Of(InputObject)));

        private protected override string Consequence(ItemPlan plan) =>
            backupFolder == null ? "" : $", after backing it up to {ItemBackup.PathFor(backupFolder, plan.Target)}";

        private protected override async Task SendAsync(ItemPlan plan, CancellationToken cancellationToken)
        {
            // Nothing is deleted before its backup is on disk.
            if (backupFolder != null)
                plan.State = await ItemBackup.WriteAsync(plan, backupFolder, cancellationToken).ConfigureAwait(false);
            await plan
                .Connection.Client.DeleteJobExecutionAsync(
                    new DeleteJobExecutionRequest
                    {
                        JobId = plan.Target.JobId,
                        ThingName = plan.Target.ThingName,
                        ExecutionNumber = plan.Target.ExecutionNumber,
                        NamespaceId = plan.Target.NamespaceId,
                        Force = plan.Forced ? true : (bool?)null,
                    },
                    cancellationToken
                )
                .ConfigureAwait(false);
        }
    }
}
