using IotJobs.Model;
using IotJobs.Output;

namespace IotJobs.Items;

/// <summary>Exactly one item a command acts on or reads: its identity, and what was piped to name it.</summary>
internal sealed class ItemTarget
{
    private ItemTarget(
        ItemKind kind,
        string jobId,
        string? thingName,
        long? executionNumber,
        string? namespaceId,
        PipedItem? piped
    )
    {
        Kind = kind;
        JobId = jobId;
        ThingName = thingName;
        ExecutionNumber = executionNumber;
        NamespaceId = string.IsNullOrEmpty(namespaceId) ? null : namespaceId;
        Piped = piped;
    }

    public static ItemTarget Job(string jobId, string? namespaceId, PipedItem? piped) =>
        new(ItemKind.Job, jobId, null, null, namespaceId, piped);

    public static ItemTarget Execution(
        string jobId,
        string thingName,
        long? executionNumber,
        string? namespaceId,
        PipedItem? piped
    ) => new(ItemKind.JobExecution, jobId, thingName, executionNumber, namespaceId, piped);

    public ItemKind Kind { get; }
    public string JobId { get; }
    public string? ThingName { get; }
    public long? ExecutionNumber { get; }
    public string? NamespaceId { get; }
    public PipedItem? Piped { get; }

    /// <summary>The item in words, e.g. "job 'fw-7'".</summary>
    public string Subject =>
        Kind == ItemKind.Job ? Words.Job(JobId) : Words.Execution(JobId, ThingName!, ExecutionNumber);

    /// <summary>The module's own object for this item, when that is what was piped.</summary>
    public IotJobsItem? Live => Piped?.Live is IotJobsItem live && live.Kind == Kind ? live : null;

    /// <summary>What an error about the item carries as its target: what was piped, else the item's identity.</summary>
    public object TargetObject =>
        Piped?.Input
        ?? (
            Kind == ItemKind.Job
                ? new IotJob { JobId = JobId, NamespaceId = NamespaceId }
                : new IotJobExecution
                {
                    JobId = JobId,
                    ThingName = ThingName!,
                    ExecutionNumber = ExecutionNumber,
                }
        );
}
