namespace IotJobs.Simulator.State;

/// <summary>A CreateJob request the service has accepted as valid: what the store makes the job from.</summary>
/// <param name="Targets">Thing and thing group ARNs of this account and region, as given.</param>
/// <param name="Document">The job document; null when only <paramref name="DocumentSource"/> names one.</param>
/// <param name="StartsAt">schedulingConfig's startTime: the job is SCHEDULED until then.</param>
/// <param name="Details">The configuration members DescribeJob answers as given: name → JSON.</param>
internal sealed record NewJob(
    string JobId,
    IReadOnlyList<string> Targets,
    string? Document,
    string? DocumentSource,
    string? Description,
    string TargetSelection,
    string? NamespaceId,
    DateTimeOffset? StartsAt,
    IReadOnlyDictionary<string, string> Details
);
