using System.Management.Automation;
using IotJobs.Client.Model;
using IotJobs.Cmdlets.Bulk;
using IotJobs.Cmdlets.Validation;
using IotJobs.Model;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// Stop-IotJob: cancels jobs. Queued executions are canceled; in-progress ones only with
    /// -Force, which also skips the confirmation prompt.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "IotJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IotJob))]
    public sealed class StopIotJobCommand : BatchCmdlet
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

        protected override void ProcessRecord()
        {
            ExpectItems(JobId.Length);
            foreach (var id in JobId) Stop(id);
        }

        private void Stop(string id)
        {
            string subject = ItemText.Job(id);
            var target = new IotJob { JobId = id };
            string state = "";
            if (WillShowItem(Force))
            {
                if (!TryRead(() => Call((c, ct) => CurrentState.OfJobAsync(c, id, ct)), "stop", subject, target, Force, out var current)) return;
                state = ItemText.State(current);
            }
            string also = Force ? ", canceling its in-progress executions too" : "";
            if (!Approve($"Stop {subject}{state}{also}", Force)) return;

            var request = new CancelJobRequest { JobId = id, ReasonCode = ReasonCode, Comment = Comment, Force = Force ? true : (bool?)null };
            bool passThru = PassThru;
            Submit(new ItemWork("stop", subject, target, Force, async (client, ct) =>
            {
                await client.CancelJobAsync(request, ct).ConfigureAwait(false);
                return passThru ? await CurrentState.OfJobAsync(client, id, ct).ConfigureAwait(false) : null;
            }));
        }
    }
}
