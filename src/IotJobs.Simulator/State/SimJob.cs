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

    /// <summary>The targets the job was created with (CreateJob); null for a seeded job.</summary>
    public IReadOnlyList<string>? Targets { get; internal set; }

    /// <summary>The link DescribeJob answers as documentSource, if any.</summary>
    public string? DocumentSource { get; internal set; }

    /// <summary>
    /// The job document: the instructions devices run (GetJobDocument); null for a job created with only a
    /// documentSource, whose document is in S3, which the simulator does not have.
    /// </summary>
    public string? Document { get; internal set; } = "{}";

    /// <summary>When a job created SCHEDULED (schedulingConfig's startTime) starts: IN_PROGRESS from then.</summary>
    public DateTimeOffset? StartsAt { get; internal set; }

    /// <summary>
    /// Further members of the job as DescribeJob answers them (timeoutConfig, schedulingConfig...): name → JSON.
    /// </summary>
    public IReadOnlyDictionary<string, string> Details { get; internal set; } = new Dictionary<string, string>();

    /// <summary>When a job in DELETION_IN_PROGRESS disappears.</summary>
    public DateTimeOffset? DeletionCompletesAt { get; internal set; }

    /// <summary>
    /// Each thing's executions of this job, oldest first: a thing the job reaches again after its execution
    /// finished (a continuous job, a retry) gets a new one, and the service keeps the earlier ones.
    /// </summary>
    internal SortedDictionary<string, List<SimExecution>> Executions { get; } = new(StringComparer.Ordinal);

    /// <summary>Every execution, by thing name, then oldest first.</summary>
    public IReadOnlyCollection<SimExecution> ExecutionList => Executions.Values.SelectMany(l => l).ToList();

    /// <summary>Each thing's current execution: the one cancels act on and the counts go by.</summary>
    internal IEnumerable<SimExecution> LatestExecutions => Executions.Values.Select(l => l[^1]);

    internal SimExecution? LatestExecution(string thingName) =>
        Executions.TryGetValue(thingName, out var list) ? list[^1] : null;

    internal void AddExecution(SimExecution execution)
    {
        if (!Executions.TryGetValue(execution.ThingName, out var list))
            Executions.Add(execution.ThingName, list = new List<SimExecution>());
        list.Add(execution);
    }

    internal void RemoveExecution(SimExecution execution)
    {
        var list = Executions[execution.ThingName];
        list.Remove(execution);
        if (list.Count == 0)
            Executions.Remove(execution.ThingName);
    }
}
