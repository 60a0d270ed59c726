using System.Linq;
using System.Management.Automation;
using IotJobs.Client.Model;
using IotJobs.Cmdlets.Validation;
using IotJobs.Model;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// Get-IotJob: describes jobs by id, or lists them (filtered by the service, and by id
    /// wildcards here), writing each job as soon as its page arrives.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IotJob", DefaultParameterSetName = AllGroups)]
    [OutputType(typeof(IotJob))]
    public sealed class GetIotJobCommand : IotJobsCmdlet
    {
        private const string AllGroups = "AllGroups";
        private const string ByThingGroupName = "ByThingGroupName";
        private const string ByThingGroupId = "ByThingGroupId";

        /// <summary>Job ids; wildcards select from a listing.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateJobIdPattern]
        [ArgumentCompleter(typeof(Completion.JobIdCompleter))]
        public string[]? JobId { get; set; }

        [Parameter]
        public JobStatus? Status { get; set; }

        [Parameter]
        public TargetSelection? TargetSelection { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByThingGroupName)]
        [ValidateNotNullOrEmpty]
        public string? ThingGroupName { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByThingGroupId)]
        [ValidateNotNullOrEmpty]
        public string? ThingGroupId { get; set; }

        [Parameter]
        [ValidateNamespaceId]
        public string? NamespaceId { get; set; }

        private bool HasListFilter =>
            Status.HasValue || TargetSelection.HasValue || ThingGroupName != null || ThingGroupId != null || NamespaceId != null;

        protected override void ProcessRecord()
        {
            if (JobId == null)
            {
                List(null);
                return;
            }
            foreach (var id in JobId)
            {
                if (HasListFilter || WildcardPattern.ContainsWildcardCharacters(id)) List(id);
                else Describe(id);
            }
        }

        private void Describe(string id)
        {
            DescribeJobResponse answer;
            try
            {
                answer = Call((c, ct) => c.DescribeJobAsync(new DescribeJobRequest { JobId = id }, ct));
            }
            catch (System.Exception e) when (IsCallFailure(e))
            {
                WriteItemError(e, "get", $"job '{id}'", id, forced: false);
                return;
            }
            if (answer.Job != null) WriteObject(OutputMapper.ToJob(answer.Job));
        }

        private void List(string? id)
        {
            var idPattern = id == null ? null : new WildcardPattern(id, WildcardOptions.IgnoreCase);
            var request = new ListJobsRequest
            {
                Status = Status?.ToString(),
                TargetSelection = TargetSelection?.ToString(),
                ThingGroupName = ThingGroupName,
                ThingGroupId = ThingGroupId,
                NamespaceId = NamespaceId,
                MaxResults = 250,
            };
            try
            {
                WritePages(
                    (client, token, ct) => { request.NextToken = token; return client.ListJobsAsync(request, ct); },
                    page => page.Jobs.Where(j => idPattern == null || idPattern.IsMatch(j.JobId ?? "")).Select(OutputMapper.ToJob),
                    page => page.NextToken);
            }
            catch (System.Exception e) when (IsCallFailure(e))
            {
                WriteItemError(e, "list", "jobs", id ?? "*", forced: false);
            }
        }
    }
}
