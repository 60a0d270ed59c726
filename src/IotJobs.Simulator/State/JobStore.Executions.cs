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
            return Page<SimExecution>.Take(
                job.Executions.Values.Where(e => status is null || e.Status == status),
                e => e.ThingName,
                afterKey,
                pageSize
            );
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
                .Select(j => j.Executions.GetValueOrDefault(thingName))
                .Where(e => e is not null && (status is null || e.Status == status))
                .Select(e => e!);
            return Page<SimExecution>.Take(executions, e => e.JobId, afterKey, pageSize);
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
            var e = RequireExecution(jobId, thingName, null);
            if (RequireJob(jobId).Status == "DELETION_IN_PROGRESS")
                throw ServiceError.InvalidState($"Job {jobId} is being deleted.");
            if (expectedVersion.HasValue && expectedVersion.Value != e.VersionNumber)
                throw ServiceError.VersionConflict(
                    $"The execution of job {jobId} on {thingName} is at version {e.VersionNumber}, not the expected {expectedVersion.Value}."
                );
            if (e.Status == "IN_PROGRESS" && !force)
                throw ServiceError.InvalidState(
                    $"The execution of job {jobId} on {thingName} is IN_PROGRESS; it can be canceled only with force."
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
                    $"The execution of job {jobId} on {thingName} is {e.Status}; only a terminal execution can be deleted without force."
                );
            RequireJob(jobId).Executions.Remove(thingName);
        }
    }
}
