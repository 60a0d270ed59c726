using System;
using System.Linq;
using System.Management.Automation;
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
/// job as soon as its page arrives.
/// </summary>
[Cmdlet(VerbsCommon.Get, "IotJob", HelpUri = HelpLinks.Pages + "Get-IotJob.md", DefaultParameterSetName = AllGroups)]
[OutputType(typeof(IotJob))]
public sealed class GetIotJobCommand : IotJobsCmdlet
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
        // A piped job (or execution) is read again where it was found.
        var piped = Piped;
        ItemConnection connection;
        try
        {
            connection = ConnectionFor(piped);
        }
        catch (ItemRefusedException e)
        {
            string subject = JobId == null ? "jobs" : Words.Job(string.Join("', '", JobId));
            WriteItemError(e, new Attempt("get", subject, piped?.Input ?? (object)"*", forced: false));
            return;
        }
        if (JobId == null)
        {
            List(connection, null);
            return;
        }
        foreach (var id in JobId)
        {
            if (HasListFilter || WildcardPattern.ContainsWildcardCharacters(id))
                List(connection, id);
            else
                Describe(connection, id);
        }
    }

    private void Describe(ItemConnection connection, string id)
    {
        DescribeJobResponse answer;
        try
        {
            answer = Work.Result(
                connection.Client.DescribeJobAsync(new DescribeJobRequest { JobId = id }, Work.Cancellation)
            );
        }
        catch (Exception e) when (ErrorMapper.IsItemFailure(e))
        {
            WriteItemError(e, new Attempt("get", Words.Job(id), id, forced: false));
            return;
        }
        if (answer.Job != null)
            WriteObject(OutputMapper.ToJob(answer.Job, connection));
    }

    private void List(ItemConnection connection, string? id)
    {
        foreach (var status in Status?.Distinct().Select(s => (JobStatus?)s) ?? new JobStatus?[] { null })
            List(connection, id, status);
    }

    private void List(ItemConnection connection, string? id, JobStatus? status)
    {
        var idPattern = id == null ? null : new WildcardPattern(id, WildcardOptions.IgnoreCase);
        var request = new ListJobsRequest
        {
            Status = status?.ToString(),
            TargetSelection = TargetSelection?.ToString(),
            ThingGroupName = ThingGroupName,
            ThingGroupId = ThingGroupId,
            NamespaceId = NamespaceId,
            MaxResults = 250,
        };
        try
        {
            // A listing names no namespace; one filtered by -NamespaceId has only jobs of that one.
            WriteListing(
                connection,
                (client, token, ct) =>
                {
                    request.NextToken = token;
                    return client.ListJobsAsync(request, ct);
                },
                page =>
                    page.Jobs.Where(j => idPattern == null || idPattern.IsMatch(j.JobId ?? ""))
                        .Select(j => OutputMapper.ToJob(j, connection, NamespaceId)),
                page => page.NextToken
            );
        }
        catch (Exception e) when (ErrorMapper.IsItemFailure(e))
        {
            WriteItemError(e, new Attempt("list", "jobs", id ?? "*", forced: false));
        }
    }
}
