namespace IotJobs.Changes;

/// <summary>
/// What became of one item of a batch, decided by the change's own answer alone: what follows the change (reading
/// the item back for -PassThru, waiting for a deletion) can fail without changing it. An item declined at the prompt
/// has none: nothing was sent, and the summary counts it as skipped.
/// </summary>
internal enum Outcome
{
    /// <summary>The service applied the change.</summary>
    Applied,

    /// <summary>Nothing was changed: refused by the module or the service, or failed before it could apply.</summary>
    NotApplied,

    /// <summary>
    /// The change was sent and no answer came, even when looked for again: the service may have applied it.
    /// </summary>
    Unknown,

    /// <summary>A dry run (-WhatIf) described it: nothing was sent.</summary>
    Previewed,
}
