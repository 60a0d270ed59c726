using System.Collections.Generic;
using IotJobs.Model;

namespace IotJobs.Rules;

/// <summary>
/// The service's state rules, as the module predicts them: for each change, which statuses it accepts
/// without force, which only with force, and which never. What-if lines, prompts and error advice all
/// read this one table, so they cannot disagree. (The simulator keeps its own rules, independently.)
/// From the API reference: CancelJob cancels IN_PROGRESS and SCHEDULED jobs, and with force a CANCELED
/// one's remaining in-progress executions; DeleteJob deletes COMPLETED and CANCELED jobs, others only
/// with force; CancelJobExecution cancels QUEUED executions, IN_PROGRESS ones only with force;
/// DeleteJobExecution deletes finished executions, unfinished ones only with force; nothing changes a
/// job in DELETION_IN_PROGRESS.
/// </summary>
internal static class StateRules
{
    private static readonly Dictionary<(Change, string), (Verdict Unforced, string Reason, string ForceAdvice)> Table =
        new Dictionary<(Change, string), (Verdict, string, string)>
        {
            [(Change.CancelJob, "IN_PROGRESS")] = (Verdict.Accepted, "", ""),
            [(Change.CancelJob, "SCHEDULED")] = (Verdict.Accepted, "", ""),
            [(Change.CancelJob, "CANCELED")] = (
                Verdict.NeedsForce,
                "it is already CANCELED; a second cancel needs -Force, which cancels the executions still in progress",
                "Add -Force to cancel its executions that are still in progress too; "
                    + "devices running them may be left mid-update."
            ),
            [(Change.CancelJob, "COMPLETED")] = (
                Verdict.AlreadyFinished,
                "it has already finished (COMPLETED): there is nothing left to stop",
                ""
            ),
            [(Change.CancelJob, "DELETION_IN_PROGRESS")] = (
                Verdict.BeingDeleted,
                "it is already being deleted (DELETION_IN_PROGRESS)",
                ""
            ),

            [(Change.DeleteJob, "COMPLETED")] = (Verdict.Accepted, "", ""),
            [(Change.DeleteJob, "CANCELED")] = (Verdict.Accepted, "", ""),
            [(Change.DeleteJob, "IN_PROGRESS")] = (
                Verdict.NeedsForce,
                "it is IN_PROGRESS; only a COMPLETED or CANCELED job is removed without -Force",
                "Add -Force to remove it even though it is in progress; devices running it may be left mid-update."
            ),
            [(Change.DeleteJob, "SCHEDULED")] = (
                Verdict.NeedsForce,
                "it is SCHEDULED; only a COMPLETED or CANCELED job is removed without -Force",
                "Add -Force to remove it even though it has not finished; "
                    + "devices that already started it may be left mid-update."
            ),
            [(Change.DeleteJob, "DELETION_IN_PROGRESS")] = (
                Verdict.BeingDeleted,
                "it is already being deleted (DELETION_IN_PROGRESS)",
                ""
            ),

            [(Change.CancelJobExecution, "QUEUED")] = (Verdict.Accepted, "", ""),
            [(Change.CancelJobExecution, "IN_PROGRESS")] = (
                Verdict.NeedsForce,
                "it is IN_PROGRESS; only a QUEUED execution is stopped without -Force",
                "Add -Force to stop it even though it is in progress; the device may be left mid-update."
            ),

            [(Change.DeleteJobExecution, "QUEUED")] = (
                Verdict.NeedsForce,
                "it is QUEUED and has not run; only a finished execution is removed without -Force",
                "Add -Force to remove it even though it has not run; the device will not run it."
            ),
            [(Change.DeleteJobExecution, "IN_PROGRESS")] = (
                Verdict.NeedsForce,
                "it is IN_PROGRESS; only a finished execution is removed without -Force",
                "Add -Force to remove it even though it is in progress; the device may be left mid-update."
            ),
        };

    /// <summary>The terminal execution statuses: stopped by nothing, removed without force.</summary>
    private static readonly HashSet<string> FinishedExecution = new HashSet<string>
    {
        "SUCCEEDED",
        "FAILED",
        "TIMED_OUT",
        "REJECTED",
        "REMOVED",
        "CANCELED",
    };

    /// <summary>
    /// What the change does besides the obvious, and to the executions it leaves alone, as a What-if line or prompt
    /// says it: ", canceling its 2 queued executions; its 2 in progress keep running (add -Force to cancel them
    /// too)". Counts are said when the job was read in full; empty when there is nothing more to say.
    /// </summary>
    public static string Consequence(Change change, IotJobsItem? state, bool force)
    {
        var job = state as IotJob;
        var counts = job?.ProcessDetails;
        switch (change)
        {
            case Change.CancelJob when job?.Status == "SCHEDULED":
                // A SCHEDULED job may already have run in an earlier maintenance window.
                return ", so that it does not start at its scheduled time; executions queued in an earlier "
                    + "maintenance window are canceled"
                    + (force ? ", and any in progress too" : "");
            case Change.CancelJob when job?.Status == "CANCELED":
                return counts == null
                    ? ", canceling its executions still in progress"
                    : $", canceling its {Executions(counts.InProgress, "")} still in progress";
            case Change.CancelJob when counts == null:
                return force
                    ? ", canceling its queued and in-progress executions"
                    : ", canceling its queued executions; "
                        + "executions in progress keep running (-Force cancels them too)";
            case Change.CancelJob:
                string queued = counts.Queued > 0 ? $", canceling its {Executions(counts.Queued, "queued ")}" : "";
                int running = counts.InProgress;
                if (running == 0)
                    return queued;
                return force
                    ? $"{queued}, and its {Executions(running, "")} in progress too"
                    : $"{queued}; its {Executions(running, "")} in progress "
                        + $"{(running == 1 ? "keeps" : "keep")} running "
                        + $"(add -Force to cancel {(running == 1 ? "it" : "them")} too)";
            case Change.DeleteJob when job?.Status == "SCHEDULED":
                return ", before it starts, with any executions from an earlier maintenance window";
            default:
                return "";
        }
    }

    /// <summary>"1 queued execution", "3 executions".</summary>
    private static string Executions(int n, string adjective) => $"{n} {adjective}execution{(n == 1 ? "" : "s")}";

    /// <summary>
    /// Whether the item as the service has it now (null: gone) shows the change applied, after its answer was lost:
    /// had it been so before, the service would have refused the change, so the state asked for means it took.
    /// </summary>
    public static bool ShowsApplied(Change change, IotJobsItem? now) =>
        change switch
        {
            Change.CancelJob => (now as IotJob)?.Status == "CANCELED",
            Change.DeleteJob => now == null || (now as IotJob)?.Status == "DELETION_IN_PROGRESS",
            Change.CancelJobExecution => (now as IotJobExecution)?.Status == "CANCELED",
            _ => now == null,
        };

    /// <summary>
    /// What the service will answer <paramref name="change"/> of an item in <paramref name="status"/>.
    /// </summary>
    public static Ruling Rule(Change change, string? status, bool force)
    {
        if (status == null)
            return new Ruling(Verdict.Unknown, null);
        var (unforced, reason, forceAdvice) = Lookup(change, status);
        if (unforced == Verdict.NeedsForce && force)
            return new Ruling(Verdict.Accepted, status);
        return new Ruling(unforced, status, reason, forceAdvice);
    }

    private static (Verdict, string, string) Lookup(Change change, string status)
    {
        if (Table.TryGetValue((change, status), out var row))
            return row;
        if (FinishedExecution.Contains(status))
        {
            if (change == Change.DeleteJobExecution)
                return (Verdict.Accepted, "", "");
            if (change == Change.CancelJobExecution)
                return (
                    Verdict.AlreadyFinished,
                    $"it has already finished ({status}): there is nothing left to stop",
                    ""
                );
        }
        return (Verdict.Unknown, "", "");
    }
}
