using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
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
/// Get-IotJobExecution: one execution (-JobId and -ThingName), a job's executions (-JobId), or a
/// thing's executions (-ThingName). Lists stream page by page. Every filter given is honoured:
/// -ExecutionNumber with -JobId alone keeps the executions with that number.
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
public sealed class GetIotJobExecutionCommand : IotJobsCmdlet
{
    private const string ByJob = "ByJob";
    private const string ByThing = "ByThing";
    private readonly Dictionary<ItemConnection, Task<string?>> callerAccounts = new();

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

    [Parameter]
    public JobExecutionStatus? Status { get; set; }

    [Parameter(ParameterSetName = ByThing)]
    [ItemInput(InputRule.NamespaceId)]
    public string? NamespaceId { get; set; }

    private protected override void ProcessItem()
    {
        // A piped job or execution is read where it was found.
        var piped = Piped;
        ItemConnection connection;
        try
        {
            connection = ConnectionFor(piped);
        }
        catch (ItemRefusedException e)
        {
            WriteItemError(e, new Attempt("get", "the executions", piped?.Input ?? (object)JobId, forced: false));
            return;
        }
        if (ParameterSetName == ByThing)
            ListForThing(connection, ThingName!);
        else if (ThingName != null && ExecutionNumber == null)
            DescribeEach(connection, JobId, ThingName);
        else if (ThingName != null)
            Describe(connection, JobId, ThingName, ExecutionNumber);
        else
            ListForJob(connection, JobId);
    }

    /// <summary>
    /// Every execution of the job on the thing, newest first: a thing can hold several over time, each with its own
    /// number (which Remove-IotJobExecution needs). Each is described in full, as one named by number would be.
    /// </summary>
    private void DescribeEach(ItemConnection connection, string jobId, string thingName)
    {
        var numbers = new List<long>();
        var request = new ListJobExecutionsForThingRequest
        {
            ThingName = thingName,
            JobId = jobId,
            Status = Status?.ToString(),
            MaxResults = 250,
        };
        try
        {
            Work.EachPage(
                (token, ct) =>
                {
                    request.NextToken = token;
                    return connection.Client.ListJobExecutionsForThingAsync(request, ct);
                },
                page => page.NextToken,
                page =>
                    numbers.AddRange(
                        page.ExecutionSummaries.Where(s => s.JobId == jobId)
                            .Select(s => s.JobExecutionSummary?.ExecutionNumber ?? 0)
                            .Where(n => n > 0)
                    )
            );
        }
        catch (Exception e) when (ErrorMapper.IsItemFailure(e))
        {
            WriteItemError(
                e,
                new Attempt("list the executions of", Words.Execution(jobId, thingName), jobId, forced: false)
            );
            return;
        }
        // None: the thing never ran the job (or none has the status asked for); the describe says which.
        if (numbers.Count == 0 && Status == null)
            Describe(connection, jobId, thingName, null);
        foreach (var number in numbers.Distinct().OrderByDescending(n => n))
            Describe(connection, jobId, thingName, number);
    }

    private void Describe(ItemConnection connection, string jobId, string thingName, long? executionNumber)
    {
        DescribeJobExecutionResponse answer;
        var request = new DescribeJobExecutionRequest
        {
            JobId = jobId,
            ThingName = thingName,
            ExecutionNumber = executionNumber,
        };
        try
        {
            answer = Work.Result(connection.Client.DescribeJobExecutionAsync(request, Work.Cancellation));
        }
        catch (Exception e) when (ErrorMapper.IsItemFailure(e))
        {
            var target = new IotJobExecution
            {
                JobId = jobId,
                ThingName = thingName,
                ExecutionNumber = executionNumber,
            };
            WriteItemError(
                e,
                new Attempt("get", Words.Execution(jobId, thingName, executionNumber), target, forced: false)
            );
            return;
        }
        if (answer.Execution != null && (Status == null || answer.Execution.Status == Status.ToString()))
            WriteObject(OutputMapper.ToExecution(answer.Execution, connection));
    }

    private void ListForJob(ItemConnection connection, string jobId)
    {
        var request = new ListJobExecutionsForJobRequest
        {
            JobId = jobId,
            Status = Status?.ToString(),
            MaxResults = 250,
        };
        long? number = ExecutionNumber;
        string? namespaceId = (Piped?.Live as IotJob)?.NamespaceId;
        try
        {
            WriteListing(
                connection,
                (client, token, ct) =>
                {
                    request.NextToken = token;
                    return client.ListJobExecutionsForJobAsync(request, ct);
                },
                page =>
                    page.ExecutionSummaries.Where(s =>
                            number == null || s.JobExecutionSummary?.ExecutionNumber == number
                        )
                        .Select(s => OutputMapper.ToExecution(jobId, s, connection, namespaceId)),
                page => page.NextToken
            );
        }
        catch (Exception e) when (ErrorMapper.IsItemFailure(e))
        {
            WriteItemError(e, new Attempt("list the executions of", Words.Job(jobId), jobId, forced: false));
        }
    }

    private void ListForThing(ItemConnection connection, string thingName)
    {
        var request = new ListJobExecutionsForThingRequest
        {
            ThingName = thingName,
            Status = Status?.ToString(),
            NamespaceId = NamespaceId,
            MaxResults = 250,
        };
        // A thing's listing names no ARN: the account is a piped object's, else the caller's once something is found.
        string? account = Piped?.AccountId;
        try
        {
            WriteListing(
                connection,
                async (client, token, ct) =>
                {
                    request.NextToken = token;
                    var page = await client.ListJobExecutionsForThingAsync(request, ct).ConfigureAwait(false);
                    if (account == null && page.ExecutionSummaries.Count > 0)
                        account = await CallerAccountAsync(connection).ConfigureAwait(false);
                    return page;
                },
                page =>
                    page.ExecutionSummaries.Select(s =>
                        OutputMapper.ToExecution(thingName, s, connection, NamespaceId, account)
                    ),
                page => page.NextToken
            );
        }
        catch (Exception e) when (ErrorMapper.IsItemFailure(e))
        {
            WriteItemError(e, new Attempt("list the executions on", $"thing '{thingName}'", thingName, forced: false));
        }
    }

    /// <summary>
    /// The account of a connection's credentials (STS), asked at most once per command and connection (listings page
    /// one at a time); null when it cannot be learned (STS unreachable): the account and ARN then stay blank.
    /// </summary>
    private Task<string?> CallerAccountAsync(ItemConnection connection) =>
        callerAccounts.TryGetValue(connection, out var asked)
            ? asked
            : callerAccounts[connection] = connection
                .Client.GetCallerAccountAsync(Work.Cancellation)
                .ContinueWith(t => t.Exception == null && !t.IsCanceled ? t.Result : null, TaskScheduler.Default);
}
