namespace IotJobs.Simulator.State;

/// <summary>
/// The simulated service's jobs and executions, and the rules of their state machines as the
/// API documentation states them. Every public member takes the one lock, so requests served
/// concurrently see a consistent store.
/// </summary>
public sealed partial class JobStore
{
    private readonly object gate = new();
    private readonly SortedDictionary<string, SimJob> jobs = new(StringComparer.Ordinal);
    private readonly SimulatorOptions options;
    private long nextExecutionNumber = 1;

    internal JobStore(SimulatorOptions options, string accountId)
    {
        this.options = options;
        AccountId = accountId;
    }

    /// <summary>The account these jobs belong to: each account has a store of its own.</summary>
    public string AccountId { get; }

    /// <summary>The simulator's clock.</summary>
    public DateTimeOffset Now => options.Clock.GetUtcNow();

    public string ThingArn(string thingName) => Arn("thing/" + thingName);

    /// <summary>An ARN of this store's account and the simulator's region, e.g. for "job/fw-7".</summary>
    internal string Region => options.Region;

    public string Arn(string resource) => $"arn:aws:iot:{options.Region}:{AccountId}:{resource}";

    // ---- seeding and inspection, for tests and demo data ----

    /// <param name="createdAt">When the job was created; now when not given.</param>
    /// <param name="completedAt">
    /// When a COMPLETED or CANCELED job finished; when it was created, when not given.
    /// </param>
    /// <param name="document">The job document; a small one naming the job when not given.</param>
    /// <param name="details">
    /// Further DescribeJob members, name → JSON (e.g. "timeoutConfig" → {"inProgressTimeoutInMinutes":60}).
    /// </param>
    public SimJob AddJob(
        string jobId,
        string status = "IN_PROGRESS",
        string targetSelection = "SNAPSHOT",
        string? namespaceId = null,
        string? thingGroupName = null,
        string? description = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? completedAt = null,
        string? document = null,
        IReadOnlyDictionary<string, string>? details = null
    )
    {
        lock (gate)
        {
            var job = new SimJob(jobId, Arn("job/" + jobId), createdAt ?? Now)
            {
                Status = status,
                TargetSelection = targetSelection,
                NamespaceId = namespaceId,
                ThingGroupName = thingGroupName,
                ThingGroupId = thingGroupName is null ? null : "tg-" + thingGroupName,
                Description = description,
                Document = document ?? $$"""{"operation":"install","job":"{{jobId}}"}""",
                DocumentSource = $"https://s3.amazonaws.com/jobs/{jobId}.json",
                Details = details ?? new Dictionary<string, string>(),
            };
            if (status == "COMPLETED" || status == "CANCELED")
                job.CompletedAt = job.LastUpdatedAt = completedAt ?? job.CreatedAt;
            jobs.Add(jobId, job);
            return job;
        }
    }

    /// <summary>
    /// Adds an execution of the job on the thing, with a number of its own. A thing that already has one gets
    /// a second only once the first has finished (a continuous job reaching it again): the service never runs
    /// two executions of one job on one thing at once, so seeding one next to an open execution is refused.
    /// </summary>
    /// <exception cref="InvalidOperationException">The thing's execution of this job has not finished.</exception>
    public SimExecution AddExecution(string jobId, string thingName, string status = "QUEUED", long versionNumber = 1)
    {
        lock (gate)
        {
            var job = jobs[jobId];
            var earlier = job.LatestExecution(thingName);
            if (earlier is { IsTerminal: false })
                throw new InvalidOperationException(
                    $"Thing {thingName} already has execution {earlier.ExecutionNumber} of job {jobId}, "
                        + $"{earlier.Status}: a new one can follow it only once it has finished."
                );
            // Queued when its job was created (so an old job has old executions), or a later one when the
            // earlier execution last changed.
            var queuedAt = earlier?.LastUpdatedAt ?? job.CreatedAt;
            var execution = new SimExecution(jobId, thingName, nextExecutionNumber++, queuedAt)
            {
                Status = status,
                VersionNumber = versionNumber,
            };
            if (status != "QUEUED")
                execution.StartedAt = execution.QueuedAt;
            job.AddExecution(execution);
            return execution;
        }
    }

    public SimJob? FindJob(string jobId)
    {
        lock (gate)
        {
            Advance();
            return jobs.GetValueOrDefault(jobId);
        }
    }

    /// <summary>The thing's latest execution of the job.</summary>
    public SimExecution? FindExecution(string jobId, string thingName)
    {
        lock (gate)
        {
            Advance();
            return jobs.GetValueOrDefault(jobId)?.LatestExecution(thingName);
        }
    }

    /// <summary>The thing's execution of the job with this number.</summary>
    public SimExecution? FindExecution(string jobId, string thingName, long executionNumber)
    {
        lock (gate)
        {
            Advance();
            return jobs.GetValueOrDefault(jobId)
                ?.Executions.GetValueOrDefault(thingName)
                ?.Find(e => e.ExecutionNumber == executionNumber);
        }
    }

    public int JobCount
    {
        get
        {
            lock (gate)
            {
                Advance();
                return jobs.Count;
            }
        }
    }

    public int DeletionsInProgress
    {
        get
        {
            lock (gate)
            {
                Advance();
                return CountDeletions();
            }
        }
    }

    // ---- rules shared by the operations ----

    /// <summary>
    /// Moves time on: deletions whose time has come finish (the job and its executions are gone), and jobs
    /// created SCHEDULED whose start time has come start, queuing an execution on each thing they target.
    /// </summary>
    private void Advance()
    {
        var now = Now;
        foreach (var done in jobs.Values.Where(j => j.DeletionCompletesAt <= now).ToList())
            jobs.Remove(done.JobId);
        foreach (var due in jobs.Values.Where(j => j.Status == "SCHEDULED" && j.StartsAt <= now))
        {
            due.Status = "IN_PROGRESS";
            due.LastUpdatedAt = due.StartsAt!.Value;
            QueueExecutions(due, due.StartsAt.Value);
        }
    }

    /// <summary>A QUEUED execution of a starting job on each thing among its targets (a group's things are not
    /// known to the simulator).</summary>
    private void QueueExecutions(SimJob job, DateTimeOffset at)
    {
        foreach (var thing in (job.Targets ?? []).Select(ThingNameOf).OfType<string>().Distinct())
            job.AddExecution(new SimExecution(job.JobId, thing, nextExecutionNumber++, at));
    }

    /// <summary>The thing a target ARN names, or null for a thing group.</summary>
    private static string? ThingNameOf(string targetArn)
    {
        int at = targetArn.IndexOf(":thing/", StringComparison.Ordinal);
        return at < 0 ? null : targetArn[(at + ":thing/".Length)..];
    }

    private int CountDeletions() => jobs.Values.Count(j => j.Status == "DELETION_IN_PROGRESS");

    private SimJob RequireJob(string jobId) =>
        jobs.GetValueOrDefault(jobId) ?? throw ServiceError.NotFound($"Job {jobId} does not exist.");

    /// <summary>The execution with this number, or the thing's latest when no number is given.</summary>
    private SimExecution RequireExecution(string jobId, string thingName, long? executionNumber)
    {
        var history = RequireJob(jobId).Executions.GetValueOrDefault(thingName);
        var e = executionNumber is long n ? history?.Find(x => x.ExecutionNumber == n) : history?[^1];
        return e
            ?? throw ServiceError.NotFound(
                $"Job execution of job {jobId} on thing {thingName}"
                    + (executionNumber.HasValue ? $" number {executionNumber}" : "")
                    + " does not exist."
            );
    }

    /// <summary>A SNAPSHOT job is COMPLETED once every execution has reached a terminal state.</summary>
    private void CompleteSnapshotJob(SimJob job)
    {
        if (
            job.TargetSelection == "SNAPSHOT"
            && job.Status == "IN_PROGRESS"
            && job.LatestExecutions.All(x => x.IsTerminal)
        )
        {
            job.Status = "COMPLETED";
            job.CompletedAt = job.LastUpdatedAt = Now;
        }
    }
}
