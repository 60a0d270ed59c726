using System.Collections.Generic;
using System.Linq;
using IotJobs.Output;
using IotJobs.Rules;

namespace IotJobs.Changes;

/// <summary>
/// What Ctrl+C leaves to say, since the pipeline can no longer be written to: every item of the batch not yet
/// reported is in exactly one of done, not done, not sent, or unknown (sent, with no answer), named so a person
/// checks exactly the right items.
/// </summary>
internal static class StopAccount
{
    /// <summary>How many items a category names before it counts the rest.</summary>
    private const int Named = 20;

    /// <summary>The warning for the console; null when every item was reported already.</summary>
    public static string? Of(
        Change change,
        IEnumerable<(ItemPlan? Plan, ItemResult? Result, string Subject)> unreported
    )
    {
        var done = new List<string>();
        var notDone = new List<string>();
        var notSent = new List<string>();
        var unknown = new List<string>();
        foreach (var (plan, result, subject) in unreported)
        {
            switch (result?.Outcome)
            {
                case Outcome.Applied:
                    done.Add(subject);
                    continue;
                case Outcome.NotApplied:
                    notDone.Add(subject);
                    continue;
                case Outcome.Unknown:
                    unknown.Add($"{subject} ({Words.CheckCommand(plan!.Target, plan.Connection.Location)})");
                    continue;
                case Outcome.Previewed:
                    continue;
            }
            switch (plan?.Phase)
            {
                case ItemPhase.Applied:
                    done.Add(subject);
                    break;
                case ItemPhase.NotApplied:
                    notDone.Add(subject);
                    break;
                case ItemPhase.Sent:
                    unknown.Add($"{subject} ({Words.CheckCommand(plan.Target, plan.Connection.Location)})");
                    break;
                default:
                    notSent.Add(subject);
                    break;
            }
        }
        var parts = new List<string>();
        Add(parts, Words.Done(change), done);
        Add(parts, $"not {Words.Done(change)} (refused or failed)", notDone);
        Add(parts, "not sent", notSent);
        Add(parts, "unknown: sent, with no answer, so the service may or may not have applied it", unknown);
        return parts.Count == 0
            ? null
            : $"Stopped before these items were reported. {string.Join("; ", parts)}. Nothing after them was sent.";
    }

    private static void Add(List<string> parts, string what, List<string> items)
    {
        if (items.Count == 0)
            return;
        string names = string.Join(", ", items.Take(Named));
        string more = items.Count > Named ? $" and {items.Count - Named} more" : "";
        parts.Add($"{Words.Capitalized(what)} ({items.Count}): {names}{more}");
    }
}
