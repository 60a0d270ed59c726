namespace IotJobs.Changes;

/// <summary>
/// Where an item's change stands with the service: what Ctrl+C and the summary say of it rests on this.
/// </summary>
internal enum ItemPhase
{
    /// <summary>No change has left for the service (it may be read, checked, backed up, or wait for a place).</summary>
    NotSent,

    /// <summary>The change is on its way; until its answer comes, the service may or may not have applied it.</summary>
    Sent,

    /// <summary>
    /// The service answered that it applied the change (or a look after a lost answer showed it had).
    /// </summary>
    Applied,

    /// <summary>The service refused the change, or it failed before the service could apply it.</summary>
    NotApplied,
}
