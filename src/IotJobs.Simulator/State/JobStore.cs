namespace IotJobs.Simulator.State;

/// <summary>
/// The simulated service's jobs and executions, and the rules of their state machines as the
/// API documentation states them. Every public member takes the one lock, so requests served
/// concurrently see a consistent store.
/// </summary>
public sealed class JobStore
{
    internal static readonly HashSet<string> TerminalExecutionStates = new(StringComparer.Ordinal)
    {
        "SUCCEEDED",
        "FAILED",
        "TIMED_OUT",
        "REJECTED",
        "REMOVED",
        "CANCELED",
    };

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
    public string Arn(string resource) => $"arn:aws:iot:{options.Region}:{AccountId}:{resource}";

    // ---- seeding and inspection, for tests and demo data ----

    /// <param name="createdAt">When the job was created; now when not given.</param>
    /// <param name="completedAt">When a COMPLETED or CANCELED job finished; when it was created, when not given.</param>
    /// <param name="document">The job document; a small one naming the job when not given.</param>
    /// <param name="details">Further DescribeJob members, name → JSON (e.g. "timeoutConfig" → {"inProgressTimeoutInMinutes":60}).</param>
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
                Details = details ?? new Dictionary<string, string>(),
            };
            if (status == "COMPLETED" || status == "CANCELED")
                job.CompletedAt = job.LastUpdatedAt = completedAt ?? job.CreatedAt;
            jobs.Add(jobId, job);
            return job;
        }
    }

    public SimExecution AddExecution(string jobId, string thingName, string status = "QUEUED", long versionNumber = 1)
    {
        lock (gate)
        {
            var job = jobs[jobId];
            // Queued when its job was created, so an old job has old executions.
            var execution = new SimExecution(jobId, thingName, nextExecutionNumber++, job.CreatedAt)
            {
                Status = status,
                VersionNumber = versionNumber,
            };
            if (status != "QUEUED")
                execution.StartedAt = execution.QueuedAt;
            job.Executions.Add(thingName, execution);
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

    public SimExecution? FindExecution(string jobId, string thingName)
    {
        lock (gate)
        {
            Advance();
            return jobs.GetValueOrDefault(jobId)?.Executions.GetValueOrDefault(thingName);
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

    // ---- the operations ----

    internal Page<SimJob> ListJobs(Func<SimJob, bool> filter, string? afterKey, int pageSize)
    {
        lock (gate)
        {
            Advance();
            return Page<SimJob>.Take(jobs.Values.Where(filter), j => j.JobId, afterKey, pageSize);
        }
    }

    internal SimJob DescribeJob(string jobId)
    {
        lock (gate)
        {
            Advance();
            return RequireJob(jobId);
        }
    }

    internal string JobDocument(string jobId)
    {
        lock (gate)
        {
            Advance();
            return RequireJob(jobId).Document;
        }
    }

    internal SimJob CancelJob(string jobId, bool force, string? reasonCode, string? comment)
    {
        lock (gate)
        {
            Advance();
            var job = RequireJob(jobId);
            bool cancellable =
                job.Status is "IN_PROGRESS" or "SCHEDULED"
                // A forced cancel of a job already canceled cancels the executions the first,
                // unforced cancel left running.
                || (force && job.Status == "CANCELED");
            if (!cancellable)
                throw ServiceError.InvalidState($"Job {jobId} cannot be canceled: its status is {job.Status}.");
            var now = Now;
            foreach (var e in job.Executions.Values)
            {
                if (e.Status == "QUEUED" || (force && e.Status == "IN_PROGRESS"))
                    SetExecutionStatus(e, "CANCELED", force, now);
            }
            job.Status = "CANCELED";
            job.ForceCanceled |= force;
            job.ReasonCode = reasonCode ?? job.ReasonCode;
            job.Comment = comment ?? job.Comment;
            job.LastUpdatedAt = now;
            job.CompletedAt ??= now;
            return job;
        }
    }

    internal void DeleteJob(string jobId, bool force)
    {
        lock (gate)
        {
            Advance();
            var job = RequireJob(jobId);
            if (job.Status == "DELETION_IN_PROGRESS")
                throw ServiceError.InvalidState($"Job {jobId} is already being deleted (DELETION_IN_PROGRESS).");
            bool terminal = job.Status is "COMPLETED" or "CANCELED";
            if (!terminal && !force)
                throw ServiceError.InvalidState(
                    $"Job {jobId} is {job.Status}; only a COMPLETED or CANCELED job can be deleted without force."
                );
            if (CountDeletions() >= options.MaxDeletionsInProgress)
                throw ServiceError.LimitExceeded(
                    $"Only {options.MaxDeletionsInProgress} jobs may be in DELETION_IN_PROGRESS at the same time."
                );
            var now = Now;
            job.Status = "DELETION_IN_PROGRESS";
            job.LastUpdatedAt = now;
            job.DeletionCompletesAt = now + options.DeletionDuration;
        }
    }

    internal Page<SimExecution> ListExecutionsForJob(string jobId, string? status, string? afterKey, int pageSize)
    {
        lock (gate)
        {
            Advance();
            var job = RequireJob(jobId);
            return Page<SimExecution>.Take(
                job.Executions.Values.Where(e => status is null || e.Status == status),
                e => e.ThingName,
                afterKey,
                pageSize
            );
        }
    }

    internal Page<SimExecution> ListExecutionsForThing(
        string thingName,
        Func<SimJob, bool> jobFilter,
        string? status,
        string? afterKey,
        int pageSize
    )
    {
        lock (gate)
        {
            Advance();
            var executions = jobs
                .Values.Where(jobFilter)
                .Select(j => j.Executions.GetValueOrDefault(thingName))
                .Where(e => e is not null && (status is null || e.Status == status))
                .Select(e => e!);
            return Page<SimExecution>.Take(executions, e => e.JobId, afterKey, pageSize);
        }
    }

    internal SimExecution DescribeExecution(string jobId, string thingName, long? executionNumber)
    {
        lock (gate)
        {
            Advance();
            return RequireExecution(jobId, thingName, executionNumber);
        }
    }

    internal void CancelExecution(
        string jobId,
        string thingName,
        bool force,
        long? expectedVersion,
        Dictionary<string, string>? details
    )
    {
        lock (gate)
        {
            Advance();
            var e = RequireExecution(jobId, thingName, null);
            if (RequireJob(jobId).Status == "DELETION_IN_PROGRESS")
                throw ServiceError.InvalidState($"Job {jobId} is being deleted.");
            if (expectedVersion.HasValue && expectedVersion.Value != e.VersionNumber)
                throw ServiceError.VersionConflict(
                    $"The execution of job {jobId} on {thingName} is at version {e.VersionNumber}, not the expected {expectedVersion.Value}."
                );
            if (e.Status == "IN_PROGRESS" && !force)
                throw ServiceError.InvalidState(
                    $"The execution of job {jobId} on {thingName} is IN_PROGRESS; it can be canceled only with force."
                );
            if (e.Status is not ("QUEUED" or "IN_PROGRESS"))
                throw ServiceError.InvalidState(
                    $"The execution of job {jobId} on {thingName} is {e.Status} and cannot be canceled."
                );
            if (details is not null)
                e.StatusDetails = details;
            SetExecutionStatus(e, "CANCELED", force, Now);
            CompleteSnapshotJob(RequireJob(jobId));
        }
    }

    internal void DeleteExecution(string jobId, string thingName, long executionNumber, bool force)
    {
        lock (gate)
        {
            Advance();
            var e = RequireExecution(jobId, thingName, executionNumber);
            if (!e.IsTerminal && !force)
                throw ServiceError.InvalidState(
                    $"The execution of job {jobId} on {thingName} is {e.Status}; only a terminal execution can be deleted without force."
                );
            RequireJob(jobId).Executions.Remove(thingName);
        }
    }

    // ---- rules shared by the operations ----

    /// <summary>Finishes deletions whose time has come: the job and its executions are gone.</summary>
    private void Advance()
    {
        var now = Now;
        foreach (var done in jobs.Values.Where(j => j.DeletionCompletesAt <= now).ToList())
            jobs.Remove(done.JobId);
    }

    private int CountDeletions() => jobs.Values.Count(j => j.Status == "DELETION_IN_PROGRESS");

    private SimJob RequireJob(string jobId) =>
        jobs.GetValueOrDefault(jobId) ?? throw ServiceError.NotFound($"Job {jobId} does not exist.");

    private SimExecution RequireExecution(string jobId, string thingName, long? executionNumber)
    {
        var e = RequireJob(jobId).Executions.GetValueOrDefault(thingName);
        if (e is null || (executionNumber.HasValue && executionNumber.Value != e.ExecutionNumber))
            throw ServiceError.NotFound(
                $"Job execution of job {jobId} on thing {thingName}{(executionNumber.HasValue ? " number " + executionNumber : "")} does not exist."
            );
        return e;
    }

    private static void SetExecutionStatus(SimExecution e, string status, bool force, DateTimeOffset now)
    {
        e.Status = status;
        e.ForceCanceled = force;
        e.VersionNumber++;
        e.LastUpdatedAt = now;
    }

    /// <summary>A SNAPSHOT job is COMPLETED once every execution has reached a terminal state.</summary>
    private void CompleteSnapshotJob(SimJob job)
    {
        if (
            job.TargetSelection == "SNAPSHOT"
            && job.Status == "IN_PROGRESS"
            && job.Executions.Values.All(x => x.IsTerminal)
        )
        {
            job.Status = "COMPLETED";
            job.CompletedAt = job.LastUpdatedAt = Now;
        }
    }
}
