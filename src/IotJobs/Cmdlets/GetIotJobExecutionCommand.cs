using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Cmdlets.Validation;
using IotJobs.Completion;
using IotJobs.Connections;
using IotJobs.Errors;
using IotJobs.Model;
using IotJobs.Output;

namespace IotJobs.Cmdlets;

/// <summary>
/// Get-IotJobExecution: one execution (-JobId, -ThingName, -ExecutionNumber), a job's executions on a thing
/// (-JobId, -ThingName), a job's executions (-JobId), or a thing's executions (-ThingName), in one place or several at
/// once. Lists stream page by page. Every filter given is honoured: -ExecutionNumber with -JobId alone keeps the
/// executions with that number.
/// </summary>
// ByThing is the default so that -ThingName alone (in both sets) picks it; -JobId, on the
// command line or from a piped object, exists only in ByJob.
[Cmdlet(
    VerbsCommon.Get,
    "IotJobExecution",
    HelpUri = HelpLinks.Pages + "Get-IotJobExecution.md",
    DefaultParameterSetName = ByThing
)]
[OutputType(typeof(IotJobExecution))]
public sealed class GetIotJobExecutionCommand : GetCmdlet
{
    private const string ByJob = "ByJob";
    private const string ByThing = "ByThing";
    private readonly CallerAccounts callerAccounts = new();

    [Parameter(
        Mandatory = true,
        Position = 0,
        ParameterSetName = ByJob,
        ValueFromPipeline = true,
        ValueFromPipelineByPropertyName = true
    )]
    [ItemInput(InputRule.JobId)]
    [ArgumentCompleter(typeof(JobIdCompleter))]
    public string JobId { get; set; } = "";

    [Parameter(Position = 1, ParameterSetName = ByJob, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, ParameterSetName = ByThing, ValueFromPipelineByPropertyName = true)]
    [ItemInput(InputRule.ThingName)]
    [ArgumentCompleter(typeof(ThingNameCompleter))]
    public string? ThingName { get; set; }

    /// <summary>
    /// With -JobId and -ThingName: that particular execution. With -JobId alone: the job's executions
    /// with this number (execution numbers count per thing, so there may be one on each thing).
    /// </summary>
    [Parameter(ParameterSetName = ByJob, ValueFromPipelineByPropertyName = true)]
    [EmptyAsNull]
    [ItemInput(InputRule.ExecutionNumber)]
    public long? ExecutionNumber { get; set; }

    /// <summary>One status or several: the service lists one at a time, so each is a listing of its own.</summary>
    [Parameter]
    public JobExecutionStatus[]? Status { get; set; }

    [Parameter(ParameterSetName = ByThing)]
    [ItemInput(InputRule.NamespaceId)]
    public string? NamespaceId { get; set; }

    private protected override void ProcessItem() =>
        // A piped job or execution is read where it was found; otherwise in every place given.
        ReadEach(Piped, "get executions", (connection, mayEnd, ct) => ReadAsync(connection, mayEnd, ct));

    private Task ReadAsync(ItemConnection connection, bool mayEnd, CancellationToken cancellation)
    {
        string where = mayEnd ? "" : " " + PlaceOf(connection);
        if (ParameterSetName == ByThing)
        {
            var thing = new Attempt("list the executions on", $"thing '{ThingName}'{where}", ThingName!);
            return ReadAsync(() => ListForThingAsync(connection, ThingName!, cancellation), thing, mayEnd);
        }
        if (ThingName == null)
        {
            var job = new Attempt("list the executions of", Words.Job(JobId) + where, JobId);
            return ReadAsync(() => ListForJobAsync(connection, JobId, cancellation), job, mayEnd);
        }
        var target = new IotJobExecution
        {
            JobId = JobId,
            ThingName = ThingName,
            ExecutionNumber = ExecutionNumber,
        };
        var attempt = new Attempt("get", Words.Execution(JobId, ThingName, ExecutionNumber) + where, target);
        return ReadAsync(
            () =>
                ExecutionNumber == null
                    ? DescribeEachAsync(connection, JobId, ThingName, cancellation)
                    : DescribeAsync(connection, JobId, ThingName, ExecutionNumber, cancellation),
            attempt,
            mayEnd
        );
    }

    /// <summary>
    /// Every execution of the job on the thing, newest first: a thing can hold several over time, each with its own
    /// number (which Remove-IotJobExecution needs). Each is described in full, as one named by number would be.
    /// </summary>
    private async Task DescribeEachAsync(
        ItemConnection connection,
        string jobId,
        string thingName,
        CancellationToken cancellation
    )
    {
        var numbers = new List<long>();
        foreach (var status in Statuses)
        {
            var request = new ListJobExecutionsForThingRequest
            {
                ThingName = thingName,
                JobId = jobId,
                Status = status,
                MaxResults = Paging.PageSize,
            };
            await Paging
                .EachPageAsync(
                    token =>
                    {
                        request.NextToken = token;
                        return connection.Client.ListJobExecutionsForThingAsync(request, cancellation);
                    },
                    page => page.NextToken,
                    page =>
                    {
                        numbers.AddRange(
                            page.ExecutionSummaries.Where(s => s.JobId == jobId)
                                .Select(s => s.JobExecutionSummary?.ExecutionNumber ?? 0)
                                .Where(n => n > 0)
                        );
                        return true;
                    }
                )
                .ConfigureAwait(false);
        }
        // None: the thing never ran the job (or none has the status asked for); the describe says which.
        if (numbers.Count == 0 && Status == null)
            await DescribeAsync(connection, jobId, thingName, null, cancellation).ConfigureAwait(false);
        foreach (var number in numbers.Distinct().OrderByDescending(n => n))
            await DescribeAsync(connection, jobId, thingName, number, cancellation).ConfigureAwait(false);
    }

    private async Task DescribeAsync(
        ItemConnection connection,
        string jobId,
        string thingName,
        long? executionNumber,
        CancellationToken cancellation
    )
    {
        var request = new DescribeJobExecutionRequest
        {
            JobId = jobId,
            ThingName = thingName,
            ExecutionNumber = executionNumber,
        };
        var answer = await connection.Client.DescribeJobExecutionAsync(request, cancellation).ConfigureAwait(false);
        if (answer.Execution != null && (Status == null || Status.Any(s => s.ToString() == answer.Execution.Status)))
        {
            var execution = OutputMapper.ToExecution(answer.Execution, connection);
            Work.Post(() => WriteObject(execution));
        }
    }

    private async Task ListForJobAsync(ItemConnection connection, string jobId, CancellationToken cancellation)
    {
        long? number = ExecutionNumber;
        string? namespaceId = (Piped?.Live as IotJob)?.NamespaceId;
        foreach (var status in Statuses)
        {
            var request = new ListJobExecutionsForJobRequest
            {
                JobId = jobId,
                Status = status,
                MaxResults = Paging.PageSize,
            };
            await Work.PagesAsync(
                    (token, ct) =>
                    {
                        request.NextToken = token;
                        return connection.Client.ListJobExecutionsForJobAsync(request, ct);
                    },
                    page => page.NextToken,
                    page =>
                    {
                        var kept = page.ExecutionSummaries.Where(s =>
                            number == null || s.JobExecutionSummary?.ExecutionNumber == number
                        );
                        foreach (var summary in kept)
                            WriteObject(OutputMapper.ToExecution(jobId, summary, connection, namespaceId));
                    },
                    cancellation
                )
                .ConfigureAwait(false);
        }
    }

    private async Task ListForThingAsync(ItemConnection connection, string thingName, CancellationToken cancellation)
    {
        // A thing's listing names no ARN: the account is a piped object's, else the caller's once something is found.
        string? account = Piped?.AccountId;
        foreach (var status in Statuses)
        {
            var request = new ListJobExecutionsForThingRequest
            {
                ThingName = thingName,
                Status = status,
                NamespaceId = NamespaceId,
                MaxResults = Paging.PageSize,
            };
            await Work.PagesAsync(
                    async (token, ct) =>
                    {
                        request.NextToken = token;
                        var page = await connection
                            .Client.ListJobExecutionsForThingAsync(request, ct)
                            .ConfigureAwait(false);
                        if (account == null && page.ExecutionSummaries.Count > 0)
                            account = await callerAccounts.OfAsync(connection, Work.Cancellation).ConfigureAwait(false);
                        return page;
                    },
                    page => page.NextToken,
                    page =>
                    {
                        foreach (var summary in page.ExecutionSummaries)
                            WriteObject(OutputMapper.ToExecution(thingName, summary, connection, NamespaceId, account));
                    },
                    cancellation
                )
                .ConfigureAwait(false);
        }
    }

    /// <summary>The statuses to list, one listing each: those given, or one listing of every status.</summary>
    private IEnumerable<string?> Statuses =>
        Status?.Distinct().Select(s => (string?)s.ToString()) ?? new string?[] { null };
}
