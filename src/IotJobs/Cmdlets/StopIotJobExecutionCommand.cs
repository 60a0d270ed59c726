using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client.Model;
using IotJobs.Cmdlets.Items;
using IotJobs.Cmdlets.Rules;
using IotJobs.Cmdlets.Validation;
using IotJobs.Model;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// Stop-IotJobExecution: cancels the execution of a job on a thing. Queued executions are
    /// canceled; in-progress ones only with -Force (the device may be mid-update).
    /// </summary>
    [Cmdlet(
        VerbsLifecycle.Stop,
        "IotJobExecution",
        HelpUri = HelpLinks.Pages + "Stop-IotJobExecution.md",
        SupportsShouldProcess = true,
        ConfirmImpact = ConfirmImpact.Medium
    )]
    [OutputType(typeof(IotJobExecution))]
    public sealed class StopIotJobExecutionCommand : ChangeCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateJobId]
        [ArgumentCompleter(typeof(Completion.JobIdCompleter))]
        public string JobId { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateThingName]
        [ArgumentCompleter(typeof(Completion.ThingNameCompleter))]
        public string ThingName { get; set; } = "";

        /// <summary>Cancel only if the execution is still at this version. Binds from a piped execution's VersionNumber.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("VersionNumber")]
        [EmptyAsNull]
        [ValidateOptionalRange(0)]
        public long? ExpectedVersion { get; set; }

        /// <summary>At most 10 name/value pairs recorded on the execution.</summary>
        [Parameter]
        [ValidateStatusDetails]
        public Hashtable? StatusDetails { get; set; }

        /// <summary>Cancel an in-progress execution too (force=true), and do not ask.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string Activity => "Stopping job executions";

        private protected override Change Change => Change.CancelJobExecution;

        private protected override bool Forced => Force;

        private protected override bool PassThruRequested => PassThru;

        protected override void ProcessRecord()
        {
            // A piped execution names its number: the cancel acts on the thing's current execution, which must be that one.
            var piped = PipedItem.Of(InputObject);
            long? number = piped?.Live is IotJobExecution execution ? execution.ExecutionNumber : null;
            long? expected = ExpectedVersion;
            Act(ItemTarget.Execution(JobId, ThingName, number, null, piped), plan => plan.ExpectedVersion = expected);
        }

        private protected override Task SendAsync(ItemPlan plan, CancellationToken cancellationToken) =>
            plan.Connection.Client.CancelJobExecutionAsync(
                new CancelJobExecutionRequest
                {
                    JobId = plan.Target.JobId,
                    ThingName = plan.Target.ThingName,
                    ExpectedVersion = plan.ExpectedVersion,
                    StatusDetails = Details(),
                    Force = plan.Forced ? true : (bool?)null,
                },
                cancellationToken
            );

        private Dictionary<string, string>? Details()
        {
            if (StatusDetails == null)
                return null;
            var details = new Dictionary<string, string>();
            foreach (DictionaryEntry pair in StatusDetails)
                details[pair.Key.ToString()!] = pair.Value?.ToString() ?? "";
            return details;
        }
    }
}
