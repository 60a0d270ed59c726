namespace IotJobs.Simulator.State;

/// <summary>
/// What DescribeJob answers of one job beyond its own fields, taken under the store's lock so that the targets,
/// the targets being processed and the counts agree with each other.
/// </summary>
/// <param name="Targets">The job's targets as it was created with them (thing and thing group ARNs).</param>
/// <param name="ProcessingTargets">The targets the job is still being rolled out to; empty when none.</param>
/// <param name="ThingsByStatus">How many things' current executions are in each status.</param>
internal sealed record JobDescription(
    SimJob Job,
    IReadOnlyList<string> Targets,
    IReadOnlyList<string> ProcessingTargets,
    IReadOnlyDictionary<string, int> ThingsByStatus
)
{
    public int Things(string status) => ThingsByStatus.GetValueOrDefault(status);
}
