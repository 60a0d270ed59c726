using System.Management.Automation;
using IotJobs.Client.Model;
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
    public sealed class StopIotJobCommand : IotJobsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateJobId]
        public string[] JobId { get; set; } = System.Array.Empty<string>();

        [Parameter]
        [ValidateReasonCode]
        public string? ReasonCode { get; set; }

        [Parameter]
        [ValidateComment]
        public string? Comment { get; set; }

        /// <summary>Cancel in-progress executions too (force=true), and do not ask.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in JobId) Stop(id);
        }

        private void Stop(string id)
        {
            string subject = ItemText.Job(id);
            var target = new IotJob { JobId = id };
            try
            {
                string state = WillShowItem(Force) ? ItemText.State(Describe(id)) : "";
                string also = Force ? ", canceling its in-progress executions too" : "";
                if (!Approve($"Stop {subject}{state}{also}", Force)) return;
                Call((c, ct) => c.CancelJobAsync(new CancelJobRequest { JobId = id, ReasonCode = ReasonCode, Comment = Comment, Force = Force ? true : (bool?)null }, ct));
                if (PassThru) target = Describe(id);
            }
            catch (System.Exception e) when (IsCallFailure(e))
            {
                WriteItemError(e, "stop", subject, target, Force);
                return;
            }
            if (PassThru) WriteObject(target);
        }

        private IotJob Describe(string id) =>
            OutputMapper.ToJob(Call((c, ct) => c.DescribeJobAsync(new DescribeJobRequest { JobId = id }, ct)).Job!);
    }
}
