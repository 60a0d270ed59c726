using System;
using IotJobs.Errors;
using IotJobs.Items;

namespace IotJobs.Changes;

/// <summary>One item's outcome, and what the pipeline thread writes of it.</summary>
internal sealed class ItemResult
{
    private ItemResult(ItemTarget target, Attempt attempt, ItemPlan? plan, Outcome outcome)
    {
        Target = target;
        Attempt = attempt;
        Plan = plan;
        Outcome = outcome;
    }

    public ItemTarget Target { get; }

    /// <summary>What was attempted, for the item's error.</summary>
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

    /// <summary>For an applied change: what could not be done after it (reading it back), as a warning says it.</summary>
    public string? AfterNote { get; private set; }

    public static ItemResult Applied(ItemPlan plan, object? output, string? afterNote = null) =>
        new(plan.Target, plan.Attempt, plan, Outcome.Applied) { Output = output, AfterNote = afterNote };

    public static ItemResult NotApplied(ItemTarget target, Attempt attempt, ItemPlan? plan, Exception failure) =>
        new(target, attempt, plan, Outcome.NotApplied) { Failure = failure };

    public static ItemResult Refused(ItemPlan plan, Exception failure, Explanation? explanation) =>
        new(plan.Target, plan.Attempt, plan, Outcome.NotApplied) { Failure = failure, Explanation = explanation };

    public static ItemResult Unknown(ItemPlan plan, Exception failure) =>
        new(plan.Target, plan.Attempt, plan, Outcome.Unknown) { Failure = failure };

    public static ItemResult Skipped(ItemPlan plan) => new(plan.Target, plan.Attempt, plan, Outcome.Skipped);

    public static ItemResult Previewed(ItemPlan plan) => new(plan.Target, plan.Attempt, plan, Outcome.Previewed);
}
