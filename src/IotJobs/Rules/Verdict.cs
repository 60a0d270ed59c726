namespace IotJobs.Rules;

/// <summary>What the service will answer a change, as the module predicts it from the item's status.</summary>
internal enum Verdict
{
    /// <summary>The status is not known (not read, or not one the table has): no prediction.</summary>
    Unknown,

    Accepted,

    /// <summary>Refused as asked; the same change with -Force (force=true) is accepted.</summary>
    NeedsForce,

    /// <summary>Refused with or without force: the item has already finished.</summary>
    AlreadyFinished,

    /// <summary>Refused with or without force: the job is already being deleted.</summary>
    BeingDeleted,
}
