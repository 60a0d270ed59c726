using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Cmdlets.Validation;
using IotJobs.Model;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// Stop-IotJobExecution: cancels the execution of a job on a thing. Queued executions are
    /// canceled; in-progress ones only with -Force (the device may be mid-update).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "IotJobExecution", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(IotJobExecution))]
    public sealed class StopIotJobExecutionCommand : IotJobsCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateJobId]
        public string JobId { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateThingName]
        public string ThingName { get; set; } = "";

        /// <summary>Cancel only if the execution is still at this version. Binds from a piped execution's VersionNumber.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("VersionNumber")]
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

        protected override void ProcessRecord()
        {
            string subject = ItemText.Execution(JobId, ThingName);
            var target = new IotJobExecution { JobId = JobId, ThingName = ThingName };
            try
            {
                string state = "";
                if (WillShowItem(Force))
                {
                    var current = Describe();
                    state = ItemText.State(current) + ItemText.RefusedWithoutForce(current.Status == nameof(JobExecutionStatus.IN_PROGRESS) && !Force);
                }
                if (!Approve($"Stop {subject}{state}", Force)) return;
                Call((c, ct) => c.CancelJobExecutionAsync(new CancelJobExecutionRequest
                {
                    JobId = JobId,
                    ThingName = ThingName,
                    ExpectedVersion = ExpectedVersion,
                    StatusDetails = Details(),
                    Force = Force ? true : (bool?)null,
                }, ct));
                if (PassThru) target = Describe();
            }
            catch (VersionConflictException e)
            {
                WriteItemError(e, "stop", subject, target, Force, VersionConflictReason());
                return;
            }
            catch (System.Exception e) when (IsCallFailure(e))
            {
                WriteItemError(e, "stop", subject, target, Force);
                return;
            }
            if (PassThru) WriteObject(target);
        }

        /// <summary>Names the expected and the current version, looking the current one up.</summary>
        private string VersionConflictReason()
        {
            string current;
            try
            {
                current = Describe().VersionNumber?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
            }
            catch (System.Exception e) when (IsCallFailure(e))
            {
                current = "unknown";
            }
            return $"it is at version {current}, not the expected version {ExpectedVersion?.ToString(CultureInfo.InvariantCulture)}";
        }

        private Dictionary<string, string>? Details()
        {
            if (StatusDetails == null) return null;
            var details = new Dictionary<string, string>();
            foreach (DictionaryEntry pair in StatusDetails) details[pair.Key.ToString()!] = pair.Value?.ToString() ?? "";
            return details;
        }

        private IotJobExecution Describe() =>
            OutputMapper.ToExecution(Call((c, ct) => c.DescribeJobExecutionAsync(new DescribeJobExecutionRequest { JobId = JobId, ThingName = ThingName }, ct)).Execution!);
    }
}
