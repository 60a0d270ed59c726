using System.Management.Automation;
using IotJobs.Client.Model;
using IotJobs.Cmdlets.Validation;
using IotJobs.Model;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// Remove-IotJob: deletes jobs and their executions. Without -Force only COMPLETED and
    /// CANCELED jobs are deleted; -Force deletes in-progress ones too and skips the prompt.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "IotJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(IotJob))]
    public sealed class RemoveIotJobCommand : IotJobsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateJobId]
        public string[] JobId { get; set; } = System.Array.Empty<string>();

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

        protected override void ProcessRecord()
        {
            foreach (var id in JobId) Remove(id);
        }

        private void Remove(string id)
        {
            string subject = ItemText.Job(id);
            var target = new IotJob { JobId = id, NamespaceId = NamespaceId };
            try
            {
                string state = "";
                if (WillShowItem(Force))
                {
                    target = Describe(id);
                    bool finished = target.Status == nameof(JobStatus.COMPLETED) || target.Status == nameof(JobStatus.CANCELED);
                    state = ItemText.State(target) + ItemText.RefusedWithoutForce(!finished && !Force);
                }
                if (!Approve($"Remove {subject}{state}", Force)) return;
                Call((c, ct) => c.DeleteJobAsync(new DeleteJobRequest { JobId = id, NamespaceId = NamespaceId, Force = Force ? true : (bool?)null }, ct));
                target.Status = JobStatus.DELETION_IN_PROGRESS.ToString();
                if (Wait) WaitUntilGone(id);
            }
            catch (System.Exception e) when (IsCallFailure(e))
            {
                WriteItemError(e, "remove", subject, target, Force);
                return;
            }
            if (PassThru) WriteObject(target);
        }

        private void WaitUntilGone(string id)
        {
            while (true)
            {
                try
                {
                    Describe(id);
                }
                catch (IotJobs.Client.ResourceNotFoundException)
                {
                    return;
                }
                Cancellation.WaitHandle.WaitOne(System.TimeSpan.FromSeconds(1));
                if (Cancellation.IsCancellationRequested) throw new PipelineStoppedException();
            }
        }

        private IotJob Describe(string id) =>
            OutputMapper.ToJob(Call((c, ct) => c.DescribeJobAsync(new DescribeJobRequest { JobId = id }, ct)).Job!);
    }
}
