using System;
using IotJobs.Errors;

namespace IotJobs.Changes;

/// <summary>One item's outcome, and what the pipeline thread writes of it.</summary>
internal sealed class ItemResult
{
    private ItemResult(Attempt attempt, ItemPlan? plan, Outcome outcome)
    {
        Attempt = attempt;
        Plan = plan;
        Outcome = outcome;
    }

    /// <summary>
    /// What was attempted on which item, for the item's error; its subject names the item in every report.
    /// </summary>
    public Attempt Attempt { get; }

    /// <summary>The item's plan; null when it was refused before one could be made (wrong kind, wrong place).</summary>
    public ItemPlan? Plan { get; }

    public Outcome Outcome { get; }

    /// <summary>For an applied change with -PassThru: the item as the service has it now.</summary>
    public object? Output { get; private set; }

    /// <summary>Why the change was not applied, or why its outcome is unknown.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>The module's own account of a refusal, from the table of the service's rules.</summary>
    public Explanation? Explanation { get; private set; }

    /// <summary>
    /// For an applied change: what could not be done after it (reading it back), as a warning says it.
    /// </summary>
    public string? AfterNote { get; private set; }

    public static ItemResult Applied(ItemPlan plan, object? output, string? afterNote = null) =>
        new(plan.Attempt, plan, Outcome.Applied) { Output = output, AfterNote = afterNote };

    /// <summary>Refused before a plan could be made: the wrong kind of item, the wrong place, a bad value.</summary>
    public static ItemResult NotApplied(Attempt attempt, Exception failure) =>
        new(attempt, null, Outcome.NotApplied) { Failure = failure };

    public static ItemResult Refused(ItemPlan plan, Exception failure, Explanation? explanation) =>
        new(plan.Attempt, plan, Outcome.NotApplied) { Failure = failure, Explanation = explanation };

    public static ItemResult Unknown(ItemPlan plan, Exception failure) =>
        new(plan.Attempt, plan, Outcome.Unknown) { Failure = failure };

    public static ItemResult Previewed(ItemPlan plan) => new(plan.Attempt, plan, Outcome.Previewed);
}
