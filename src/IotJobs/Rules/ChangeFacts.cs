using IotJobs.Model;

namespace IotJobs.Rules;

/// <summary>What each change is, as the service defines it: what it acts on, and which item it reads.</summary>
internal static class ChangeFacts
{
    /// <summary>The kind of item the change acts on.</summary>
    public static ItemKind Acts(this Change change) =>
        change is Change.CancelJob or Change.DeleteJob ? ItemKind.Job : ItemKind.JobExecution;

    /// <summary>A stop (cancel) rather than a removal (delete).</summary>
    public static bool Stops(this Change change) => change is Change.CancelJob or Change.CancelJobExecution;

    /// <summary>
    /// CancelJobExecution names no execution number: it acts on the thing's current execution of the job, so that
    /// is the one to read. DeleteJobExecution names its number.
    /// </summary>
    public static bool ActsOnCurrentExecution(this Change change) => change == Change.CancelJobExecution;

    /// <summary>
    /// A deleted item may be gone before it can be read again: what -PassThru writes of it is read before the
    /// change is sent. A canceled one is read after, as the service then has it.
    /// </summary>
    public static bool ReadsBeforeSending(this Change change) =>
        change is Change.DeleteJob or Change.DeleteJobExecution;

    /// <summary>A job's status once the service accepted its deletion: it is deleted in the background.</summary>
    public static string? StatusOnceAccepted(this Change change) =>
        change == Change.DeleteJob ? nameof(JobStatus.DELETION_IN_PROGRESS) : null;

    /// <summary>
    /// What -PassThru reports, after Remove-IotJob -Wait, for a job whose deletion completed: it is gone.
    /// </summary>
    public static string? StatusOnceDone(this Change change) => change == Change.DeleteJob ? "DELETED" : null;
}
