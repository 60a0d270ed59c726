namespace IotJobs.Simulator.State;

/// <summary>One execution of a job on one thing. Mutated only under the store's lock.</summary>
public sealed class SimExecution
{
    private static readonly HashSet<string> TerminalStates = new(StringComparer.Ordinal)
    {
        "SUCCEEDED",
        "FAILED",
        "TIMED_OUT",
        "REJECTED",
        "REMOVED",
        "CANCELED",
    };

    internal SimExecution(string jobId, string thingName, long executionNumber, DateTimeOffset queuedAt)
    {
        JobId = jobId;
        ThingName = thingName;
        ExecutionNumber = executionNumber;
        QueuedAt = queuedAt;
        LastUpdatedAt = queuedAt;
    }

    public string JobId { get; }
    public string ThingName { get; }
    public long ExecutionNumber { get; }
    public string Status { get; internal set; } = "QUEUED";
    public long VersionNumber { get; internal set; } = 1;
    public bool ForceCanceled { get; internal set; }
    public DateTimeOffset QueuedAt { get; }
    public DateTimeOffset? StartedAt { get; internal set; }
    public DateTimeOffset LastUpdatedAt { get; internal set; }
    public Dictionary<string, string> StatusDetails { get; internal set; } = new(StringComparer.Ordinal);

    internal bool IsTerminal => TerminalStates.Contains(Status);

    /// <summary>A change of status is an update of the execution: its version goes up.</summary>
    internal void SetStatus(string status, bool force, DateTimeOffset now)
    {
        Status = status;
        ForceCanceled = force;
        VersionNumber++;
        LastUpdatedAt = now;
    }
}
