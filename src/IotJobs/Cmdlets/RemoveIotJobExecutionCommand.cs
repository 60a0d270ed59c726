using System.Management.Automation;
using IotJobs.Client.Model;
using IotJobs.Cmdlets.Bulk;
using IotJobs.Cmdlets.Validation;
using IotJobs.Model;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// Remove-IotJobExecution: deletes one execution, named by job, thing and execution number.
    /// Without -Force only terminal executions are deleted.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "IotJobExecution", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveIotJobExecutionCommand : BatchCmdlet
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

        [Parameter]
        [ValidateNamespaceId]
        public string? NamespaceId { get; set; }

        /// <summary>Delete an execution that is not finished too (force=true), and do not ask.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string Activity => "Removing job executions";

        protected override void ProcessRecord()
        {
            string subject = ItemText.Execution(JobId, ThingName, ExecutionNumber);
            var target = new IotJobExecution { JobId = JobId, ThingName = ThingName, ExecutionNumber = ExecutionNumber };
            string state = "";
            if (WillShowItem(Force))
            {
                if (!TryRead(() => Call((c, ct) => CurrentState.OfExecutionAsync(c, JobId, ThingName, ExecutionNumber, ct)),
                    "remove", subject, target, Force, out var current)) return;
                bool unfinished = current.Status == nameof(JobExecutionStatus.QUEUED) || current.Status == nameof(JobExecutionStatus.IN_PROGRESS);
                state = ItemText.State(current) + ItemText.RefusedWithoutForce(unfinished && !Force);
            }
            if (!Approve($"Remove {subject}{state}", Force)) return;

            var request = new DeleteJobExecutionRequest
            {
                JobId = JobId,
                ThingName = ThingName,
                ExecutionNumber = ExecutionNumber,
                NamespaceId = NamespaceId,
                Force = Force ? true : (bool?)null,
            };
            Submit(new ItemWork("remove", subject, target, Force, async (client, ct) =>
            {
                await client.DeleteJobExecutionAsync(request, ct).ConfigureAwait(false);
                return null;
            }));
        }
    }
}
