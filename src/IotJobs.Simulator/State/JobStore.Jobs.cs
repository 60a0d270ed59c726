namespace IotJobs.Simulator.State;

/// <summary>The job operations: what ListJobs, DescribeJob, GetJobDocument, CancelJob and DeleteJob do.</summary>
public sealed partial class JobStore
{
    internal Page<SimJob> ListJobs(Func<SimJob, bool> filter, string? afterKey, int pageSize)
    {
        lock (gate)
        {
            Advance();
            return Page<SimJob>.Take(jobs.Values.Where(filter), j => j.JobId, afterKey, pageSize);
        }
    }

    internal SimJob DescribeJob(string jobId)
    {
        lock (gate)
        {
            Advance();
            return RequireJob(jobId);
        }
    }

    internal string JobDocument(string jobId)
    {
        lock (gate)
        {
            Advance();
            return RequireJob(jobId).Document;
        }
    }

    internal SimJob CancelJob(string jobId, bool force, string? reasonCode, string? comment)
    {
        lock (gate)
        {
            Advance();
            var job = RequireJob(jobId);
            bool cancellable =
                job.Status is "IN_PROGRESS" or "SCHEDULED"
                // A forced cancel of a job already canceled cancels the executions the first,
                // unforced cancel left running.
                || (force && job.Status == "CANCELED");
            if (!cancellable)
                throw ServiceError.InvalidState($"Job {jobId} cannot be canceled: its status is {job.Status}.");
            var now = Now;
            foreach (var e in job.LatestExecutions)
            {
                if (e.Status == "QUEUED" || (force && e.Status == "IN_PROGRESS"))
                    e.SetStatus("CANCELED", force, now);
            }
            job.Status = "CANCELED";
            job.ForceCanceled |= force;
            job.ReasonCode = reasonCode ?? job.ReasonCode;
            job.Comment = comment ?? job.Comment;
            job.LastUpdatedAt = now;
            job.CompletedAt ??= now;
            return job;
        }
    }

    internal void DeleteJob(string jobId, bool force)
    {
        lock (gate)
        {
            Advance();
            var job = RequireJob(jobId);
            if (job.Status == "DELETION_IN_PROGRESS")
                throw ServiceError.InvalidState($"Job {jobId} is already being deleted (DELETION_IN_PROGRESS).");
            bool terminal = job.Status is "COMPLETED" or "CANCELED";
            if (!terminal && !force)
                throw ServiceError.InvalidState(
                    $"Job {jobId} is {job.Status}; only a COMPLETED or CANCELED job can be deleted without force."
                );
            if (CountDeletions() >= options.MaxDeletionsInProgress)
                throw ServiceError.LimitExceeded(
                    $"Only {options.MaxDeletionsInProgress} jobs may be in DELETION_IN_PROGRESS at the same time."
                );
            var now = Now;
            job.Status = "DELETION_IN_PROGRESS";
            job.LastUpdatedAt = now;
            job.DeletionCompletesAt = now + options.DeletionDuration;
        }
    }
}
