using System.Linq;
using System.Management.Automation;
using IotJobs.Client.Model;
using IotJobs.Cmdlets.Validation;
using IotJobs.Model;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// Get-IotJobExecution: one execution (-JobId and -ThingName), a job's executions (-JobId), or a
    /// thing's executions (-ThingName). Lists stream page by page.
    /// </summary>
    // ByThing is the default so that -ThingName alone (in both sets) picks it; -JobId, on the
    // command line or from a piped object, exists only in ByJob.
    [Cmdlet(VerbsCommon.Get, "IotJobExecution", DefaultParameterSetName = ByThing)]
    [OutputType(typeof(IotJobExecution))]
    public sealed class GetIotJobExecutionCommand : IotJobsCmdlet
    {
        private const string ByJob = "ByJob";
        private const string ByThing = "ByThing";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByJob, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateJobId]
        [ArgumentCompleter(typeof(Completion.JobIdCompleter))]
        public string JobId { get; set; } = "";

        [Parameter(Position = 1, ParameterSetName = ByJob, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, ParameterSetName = ByThing, ValueFromPipelineByPropertyName = true)]
        [ValidateThingName]
        [ArgumentCompleter(typeof(Completion.ThingNameCompleter))]
        public string? ThingName { get; set; }

        /// <summary>With -JobId and -ThingName: that particular execution.</summary>
        [Parameter(ParameterSetName = ByJob, ValueFromPipelineByPropertyName = true)]
        [ValidateOptionalRange(1)]
        public long? ExecutionNumber { get; set; }

        [Parameter]
        public JobExecutionStatus? Status { get; set; }

        [Parameter(ParameterSetName = ByThing)]
        [ValidateNamespaceId]
        public string? NamespaceId { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByThing) ListForThing(ThingName!);
            else if (ThingName != null) Describe(JobId, ThingName);
            else ListForJob(JobId);
        }

        private void Describe(string jobId, string thingName)
        {
            DescribeJobExecutionResponse answer;
            var request = new DescribeJobExecutionRequest { JobId = jobId, ThingName = thingName, ExecutionNumber = ExecutionNumber };
            try
            {
                answer = Call((c, ct) => c.DescribeJobExecutionAsync(request, ct));
            }
            catch (System.Exception e) when (IsCallFailure(e))
            {
                var target = new IotJobExecution { JobId = jobId, ThingName = thingName, ExecutionNumber = ExecutionNumber };
                WriteItemError(e, "get", $"the execution of job '{jobId}' on thing '{thingName}'", target, forced: false);
                return;
            }
            if (answer.Execution != null && (Status == null || answer.Execution.Status == Status.ToString()))
                WriteObject(OutputMapper.ToExecution(answer.Execution));
        }

        private void ListForJob(string jobId)
        {
            var request = new ListJobExecutionsForJobRequest { JobId = jobId, Status = Status?.ToString(), MaxResults = 250 };
            try
            {
                WritePages(
                    (client, token, ct) => { request.NextToken = token; return client.ListJobExecutionsForJobAsync(request, ct); },
                    page => page.ExecutionSummaries.Select(s => OutputMapper.ToExecution(jobId, s)),
                    page => page.NextToken);
            }
            catch (System.Exception e) when (IsCallFailure(e))
            {
                WriteItemError(e, "list the executions of", $"job '{jobId}'", jobId, forced: false);
            }
        }

        private void ListForThing(string thingName)
        {
            var request = new ListJobExecutionsForThingRequest { ThingName = thingName, Status = Status?.ToString(), NamespaceId = NamespaceId, MaxResults = 250 };
            try
            {
                WritePages(
                    (client, token, ct) => { request.NextToken = token; return client.ListJobExecutionsForThingAsync(request, ct); },
                    page => page.ExecutionSummaries.Select(s => OutputMapper.ToExecution(thingName, s)),
                    page => page.NextToken);
            }
            catch (System.Exception e) when (IsCallFailure(e))
            {
                WriteItemError(e, "list the executions on", $"thing '{thingName}'", thingName, forced: false);
            }
        }
    }
}
