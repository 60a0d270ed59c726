using System.Collections.Generic;

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
                "Add -Force to cancel its executions that are still in progress too; devices running them may be left mid-update."
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
                "Add -Force to remove it even though it has not finished; devices that already started it may be left mid-update."
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
    /// What the change does besides the obvious, as a What-if line or prompt says it: ", canceling its in-progress
    /// executions too". Empty when there is nothing more to say or the status is not known.
    /// </summary>
    public static string Consequence(Change change, string? status, bool force)
    {
        // A SCHEDULED job may already have run in an earlier maintenance window.
        bool scheduled = status == "SCHEDULED";
        return change switch
        {
            Change.CancelJob => (
                scheduled
                    ? ", so that it does not start at its scheduled time; executions queued in an earlier "
                        + "maintenance window are canceled"
                    : ""
            ) + (force ? ", canceling its in-progress executions too" : ""),
            Change.DeleteJob when scheduled =>
                ", before it starts, with any executions from an earlier maintenance window",
            _ => "",
        };
    }

    /// <summary>What the service will answer <paramref name="change"/> of an item in <paramref name="status"/>.</summary>
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
