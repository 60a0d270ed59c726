using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client.Model;
using IotJobs.Cmdlets.Validation;
using IotJobs.Completion;
using IotJobs.Connections;
using IotJobs.Errors;
using IotJobs.Model;
using IotJobs.Output;

namespace IotJobs.Cmdlets;

/// <summary>
/// Get-IotJob: describes jobs by id, or lists them (filtered by the service, and by id wildcards here), writing each
/// job as soon as its page arrives; in one place, or in several at once.
/// </summary>
[Cmdlet(VerbsCommon.Get, "IotJob", HelpUri = HelpLinks.Pages + "Get-IotJob.md", DefaultParameterSetName = AllGroups)]
[OutputType(typeof(IotJob))]
public sealed class GetIotJobCommand : GetCmdlet
{
    private const string AllGroups = "AllGroups";
    private const string ByThingGroupName = "ByThingGroupName";
    private const string ByThingGroupId = "ByThingGroupId";

    /// <summary>Job ids; wildcards select from a listing.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ItemInput(InputRule.JobIdPattern)]
    [ArgumentCompleter(typeof(JobIdCompleter))]
    public string[]? JobId { get; set; }

    /// <summary>One status or several: the service lists one at a time, so each is a listing of its own.</summary>
    [Parameter]
    public JobStatus[]? Status { get; set; }

    [Parameter]
    public TargetSelection? TargetSelection { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByThingGroupName)]
    [ValidateNotNullOrEmpty]
    public string? ThingGroupName { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByThingGroupId)]
    [ValidateNotNullOrEmpty]
    public string? ThingGroupId { get; set; }

    [Parameter]
    [ItemInput(InputRule.NamespaceId)]
    public string? NamespaceId { get; set; }

    private bool HasListFilter =>
        Status != null
        || TargetSelection.HasValue
        || ThingGroupName != null
        || ThingGroupId != null
        || NamespaceId != null;

    private protected override void ProcessItem()
    {
        // A piped job (or execution) is read again where it was found; ids and listings in every place given.
        var described = JobId?.Where(id => !HasListFilter && !WildcardPattern.ContainsWildcardCharacters(id)).ToList();
        var found = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        bool several = ReadEach(Piped, JobId == null ? "list jobs" : "get jobs", (connection, mayEnd, ct) =>
            ReadAsync(connection, mayEnd, found, ct)
        );
        // A job looked for by id in several places is missing only when it is in none of them.
        if (several && described != null)
        {
            var places = Connections.Places.Select(PlaceOf).ToList();
            foreach (var id in described.Where(id => !found.ContainsKey(id)))
                WriteItemError(new NotFoundAnywhereException(places), new Attempt("get", Words.Job(id), id));
        }
    }

    private async Task ReadAsync(
        ItemConnection connection,
        bool mayEnd,
        ConcurrentDictionary<string, bool> found,
        CancellationToken cancellation
    )
    {
        if (JobId == null)
        {
            await ListAsync(connection, null, mayEnd, cancellation).ConfigureAwait(false);
            return;
        }
        foreach (var id in JobId)
        {
            if (HasListFilter || WildcardPattern.ContainsWildcardCharacters(id))
                await ListAsync(connection, id, mayEnd, cancellation).ConfigureAwait(false);
            else
                await DescribeAsync(connection, id, mayEnd, found, cancellation).ConfigureAwait(false);
        }
    }

    private Task DescribeAsync(
        ItemConnection connection,
        string id,
        bool mayEnd,
        ConcurrentDictionary<string, bool> found,
        CancellationToken cancellation
    ) =>
        ReadAsync(
            async () =>
            {
                DescribeJobResponse answer;
                try
                {
                    var request = new DescribeJobRequest { JobId = id };
                    answer = await connection.Client.DescribeJobAsync(request, cancellation).ConfigureAwait(false);
                }
                catch (Client.ResourceNotFoundException) when (!mayEnd)
                {
                    return; // in another of the places, perhaps: said once, after all of them
                }
                if (answer.Job == null)
                    return;
                found[id] = true;
                var job = OutputMapper.ToJob(answer.Job, connection);
                Work.Post(() => WriteObject(job));
            },
            new Attempt("get", Words.Job(id) + (mayEnd ? "" : " " + PlaceOf(connection)), id),
            mayEnd
        );

    private Task ListAsync(ItemConnection connection, string? id, bool mayEnd, CancellationToken cancellation) =>
        ReadAsync(
            async () =>
            {
                foreach (var status in Status?.Distinct().Select(s => (JobStatus?)s) ?? new JobStatus?[] { null })
                    await ListAsync(connection, id, status, cancellation).ConfigureAwait(false);
            },
            new Attempt("list", "jobs" + (mayEnd ? "" : " " + PlaceOf(connection)), id ?? "*"),
            mayEnd
        );

    private Task ListAsync(ItemConnection connection, string? id, JobStatus? status, CancellationToken cancellation)
    {
        var idPattern = id == null ? null : new WildcardPattern(id, WildcardOptions.IgnoreCase);
        var request = new ListJobsRequest
        {
            Status = status?.ToString(),
            TargetSelection = TargetSelection?.ToString(),
            ThingGroupName = ThingGroupName,
            ThingGroupId = ThingGroupId,
            NamespaceId = NamespaceId,
            MaxResults = IotJobs.Client.Paging.PageSize,
        };
        // A listing names no namespace; one filtered by -NamespaceId has only jobs of that one.
        return Work.PagesAsync(
            (token, ct) =>
            {
                request.NextToken = token;
                return connection.Client.ListJobsAsync(request, ct);
            },
            page => page.NextToken,
            page =>
            {
                foreach (var job in page.Jobs.Where(j => idPattern == null || idPattern.IsMatch(j.JobId ?? "")))
                    WriteObject(OutputMapper.ToJob(job, connection, NamespaceId));
            },
            cancellation
        );
    }
}
