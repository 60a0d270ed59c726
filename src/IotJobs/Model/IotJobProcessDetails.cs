namespace IotJobs.Model;

/// <summary>
/// How many of a job's executions are in each status, and which targets it is being rolled out to now.
/// </summary>
public sealed class IotJobProcessDetails
{
    public int Queued { get; set; }
    public int InProgress { get; set; }
    public int Succeeded { get; set; }
    public int Failed { get; set; }
    public int TimedOut { get; set; }
    public int Rejected { get; set; }
    public int Removed { get; set; }
    public int Canceled { get; set; }

    /// <summary>
    /// The targets (thing and thing group ARNs) the job is being rolled out to now (processingTargets).
    /// </summary>
    public TextList ProcessingTargets { get; set; } = TextList.Empty;

    public int Total => Queued + InProgress + Succeeded + Failed + TimedOut + Rejected + Removed + Canceled;

    public override string ToString() =>
        $"{Total} executions: {Queued} queued, {InProgress} in progress, {Succeeded} succeeded, {Failed} failed, "
        + $"{Canceled} canceled";
}
