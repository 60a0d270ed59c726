namespace IotJobs.Simulator.State;

/// <summary>A job held by the simulator. Mutated only under the store's lock.</summary>
public sealed class SimJob
{
    internal SimJob(string jobId, string arn, DateTimeOffset createdAt)
    {
        JobId = jobId;
        JobArn = arn;
        CreatedAt = createdAt;
        LastUpdatedAt = createdAt;
    }

    public string JobId { get; }
    public string JobArn { get; }
    public string Status { get; internal set; } = "IN_PROGRESS";
    public string TargetSelection { get; internal set; } = "SNAPSHOT";
    public string? NamespaceId { get; internal set; }
    public string? ThingGroupName { get; internal set; }
    public string? ThingGroupId { get; internal set; }
    public string? Description { get; internal set; }
    public string? Comment { get; internal set; }
    public string? ReasonCode { get; internal set; }
    public bool ForceCanceled { get; internal set; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset LastUpdatedAt { get; internal set; }
    public DateTimeOffset? CompletedAt { get; internal set; }

    /// <summary>The job document: the instructions devices run (GetJobDocument).</summary>
    public string Document { get; internal set; } = "{}";

    /// <summary>Further members of the job as DescribeJob answers them (timeoutConfig, schedulingConfig...): name → JSON.</summary>
    public IReadOnlyDictionary<string, string> Details { get; internal set; } = new Dictionary<string, string>();

    /// <summary>When a job in DELETION_IN_PROGRESS disappears.</summary>
    public DateTimeOffset? DeletionCompletesAt { get; internal set; }

    /// <summary>Executions by thing name.</summary>
    internal SortedDictionary<string, SimExecution> Executions { get; } = new(StringComparer.Ordinal);

    public IReadOnlyCollection<SimExecution> ExecutionList => Executions.Values;
}
