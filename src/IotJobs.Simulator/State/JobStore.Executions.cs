namespace IotJobs.Simulator.State;

/// <summary>The execution operations: listing, describing, canceling and deleting job executions.</summary>
public sealed partial class JobStore
{
    internal Page<SimExecution> ListExecutionsForJob(string jobId, string? status, string? afterKey, int pageSize)
    {
        lock (gate)
        {
            Advance();
            var job = RequireJob(jobId);
            var executions = job
                .ExecutionList.Where(e => status is null || e.Status == status)
                .OrderBy(ByThing, StringComparer.Ordinal);
            return Page<SimExecution>.Take(executions, ByThing, afterKey, pageSize);
        }
    }

    internal Page<SimExecution> ListExecutionsForThing(
        string thingName,
        Func<SimJob, bool> jobFilter,
        string? status,
        string? afterKey,
        int pageSize
    )
    {
        lock (gate)
        {
            Advance();
            var executions = jobs
                .Values.Where(jobFilter)
                .SelectMany(j => j.Executions.GetValueOrDefault(thingName) ?? [])
                .Where(e => status is null || e.Status == status)
                .OrderBy(ByJob, StringComparer.Ordinal);
            return Page<SimExecution>.Take(executions, ByJob, afterKey, pageSize);
        }
    }

    internal SimExecution DescribeExecution(string jobId, string thingName, long? executionNumber)
    {
        lock (gate)
        {
            Advance();
            return RequireExecution(jobId, thingName, executionNumber);
        }
    }

    internal void CancelExecution(
        string jobId,
        string thingName,
        bool force,
        long? expectedVersion,
        Dictionary<string, string>? details
    )
    {
        lock (gate)
        {
            Advance();
            // The thing's current execution: an earlier one has finished, and no request names it.
            var e = RequireExecution(jobId, thingName, null);
            if (RequireJob(jobId).Status == "DELETION_IN_PROGRESS")
                throw ServiceError.InvalidState($"Job {jobId} is being deleted.");
            if (expectedVersion.HasValue && expectedVersion.Value != e.VersionNumber)
                throw ServiceError.VersionConflict(
                    $"The execution of job {jobId} on {thingName} is at version {e.VersionNumber}, "
                        + $"not the expected {expectedVersion.Value}."
                );
            if (e.Status == "IN_PROGRESS" && !force)
                throw ServiceError.InvalidState(
                    $"The execution of job {jobId} on {thingName} is IN_PROGRESS; "
                        + "it can be canceled only with force."
                );
            if (e.Status is not ("QUEUED" or "IN_PROGRESS"))
                throw ServiceError.InvalidState(
                    $"The execution of job {jobId} on {thingName} is {e.Status} and cannot be canceled."
                );
            if (details is not null)
                e.StatusDetails = details;
            e.SetStatus("CANCELED", force, Now);
            CompleteSnapshotJob(RequireJob(jobId));
        }
    }

    internal void DeleteExecution(string jobId, string thingName, long executionNumber, bool force)
    {
        lock (gate)
        {
            Advance();
            var e = RequireExecution(jobId, thingName, executionNumber);
            if (!e.IsTerminal && !force)
                throw ServiceError.InvalidState(
                    $"The execution of job {jobId} on {thingName} is {e.Status}; "
                        + "only a terminal execution can be deleted without force."
                );
            RequireJob(jobId).RemoveExecution(e);
        }
    }

    // Page keys: a thing's (or a job's) executions in the order they were numbered. The space sorts before
    // every character a job id or thing name may hold, so the keys sort as their names do.
    private static string ByThing(SimExecution e) => $"{e.ThingName} {e.ExecutionNumber:D19}";

    private static string ByJob(SimExecution e) => $"{e.JobId} {e.ExecutionNumber:D19}";
}
