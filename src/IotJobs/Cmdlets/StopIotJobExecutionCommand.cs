using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Cmdlets.Bulk;
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
    public sealed class StopIotJobExecutionCommand : BatchCmdlet
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

        protected override void ProcessRecord()
        {
            string jobId = JobId, thingName = ThingName;
            long? expected = ExpectedVersion;
            string subject = ItemText.Execution(jobId, thingName);
            var target = new IotJobExecution { JobId = jobId, ThingName = thingName };
            string state = "";
            if (WillShowItem(Force))
            {
                if (!TryRead(() => Call((c, ct) => CurrentState.OfExecutionAsync(c, jobId, thingName, null, ct)), "stop", subject, target, Force, out var current)) return;
                state = ItemText.State(current) + ItemText.RefusedWithoutForce(current.Status == nameof(JobExecutionStatus.IN_PROGRESS) && !Force);
            }
            if (!Approve($"Stop {subject}{state}", Force)) return;

            var request = new CancelJobExecutionRequest
            {
                JobId = jobId,
                ThingName = thingName,
                ExpectedVersion = expected,
                StatusDetails = Details(),
                Force = Force ? true : (bool?)null,
            };
            bool passThru = PassThru;
            Submit(new ItemWork("stop", subject, target, Force, async (client, ct) =>
            {
                await client.CancelJobExecutionAsync(request, ct).ConfigureAwait(false);
                return passThru ? await CurrentState.OfExecutionAsync(client, jobId, thingName, null, ct).ConfigureAwait(false) : null;
            })
            {
                Explain = (e, ct) => e is VersionConflictException ? VersionConflictReasonAsync(jobId, thingName, expected, ct) : Task.FromResult<string?>(null),
            });
        }

        /// <summary>Names the expected and the current version, looking the current one up.</summary>
        private async Task<string?> VersionConflictReasonAsync(string jobId, string thingName, long? expected, CancellationToken ct)
        {
            string current;
            try
            {
                current = (await CurrentState.OfExecutionAsync(Client, jobId, thingName, null, ct).ConfigureAwait(false)).VersionNumber?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
            }
            catch (System.Exception e) when (IsCallFailure(e))
            {
                current = "unknown";
            }
            return $"it is at version {current}, not the expected version {expected?.ToString(CultureInfo.InvariantCulture)}";
        }

        private Dictionary<string, string>? Details()
        {
            if (StatusDetails == null) return null;
            var details = new Dictionary<string, string>();
            foreach (DictionaryEntry pair in StatusDetails) details[pair.Key.ToString()!] = pair.Value?.ToString() ?? "";
            return details;
        }
    }
}
