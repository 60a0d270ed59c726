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
    /// Stop-IotJob: cancels jobs. Queued executions are canceled; in-progress ones only with
    /// -Force, which also skips the confirmation prompt.
    /// </summary>
    [Cmdlet(
        VerbsLifecycle.Stop,
        "IotJob",
        HelpUri = HelpLinks.Pages + "Stop-IotJob.md",
        SupportsShouldProcess = true,
        ConfirmImpact = ConfirmImpact.Medium
    )]
    [OutputType(typeof(IotJob))]
    public sealed class StopIotJobCommand : ChangeCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateJobId]
        [ArgumentCompleter(typeof(Completion.JobIdCompleter))]
        public string[] JobId { get; set; } = System.Array.Empty<string>();

        [Parameter]
        [ValidateReasonCode]
        [ArgumentCompleter(typeof(Completion.ReasonCodeCompleter))]
        public string? ReasonCode { get; set; }

        [Parameter]
        [ValidateComment]
        public string? Comment { get; set; }

        /// <summary>Cancel in-progress executions too (force=true), and do not ask.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string Activity => "Stopping jobs";

        private protected override Change Change => Change.CancelJob;

        private protected override bool Forced => Force;

        private protected override bool PassThruRequested => PassThru;

        protected override void ProcessRecord()
        {
            ExpectItems(JobId.Length);
            var piped = PipedItem.Of(InputObject);
            foreach (var id in JobId)
                Act(ItemTarget.Job(id, null, piped));
        }

        private protected override string Consequence(ItemPlan plan)
        {
            // A SCHEDULED job may already have run in an earlier maintenance window.
            string scheduled =
                (plan.State as IotJob)?.Status == nameof(JobStatus.SCHEDULED)
                    ? ", so that it does not start at its scheduled time; executions queued in an earlier maintenance window are canceled"
                    : "";
            return scheduled + (Force ? ", canceling its in-progress executions too" : "");
        }

        private protected override Task SendAsync(ItemPlan plan, CancellationToken cancellationToken) =>
            plan.Connection.Client.CancelJobAsync(
                new CancelJobRequest
                {
                    JobId = plan.Target.JobId,
                    ReasonCode = ReasonCode,
                    Comment = Comment,
                    Force = plan.Forced ? true : (bool?)null,
                },
                cancellationToken
            );
    }
}
