namespace IotJobs.Simulator.State;

/// <summary>
/// The job operations: what ListJobs, DescribeJob, CreateJob, GetJobDocument, CancelJob and DeleteJob do.
/// </summary>
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

    internal JobDescription DescribeJob(string jobId)
    {
        lock (gate)
        {
            Advance();
            var job = RequireJob(jobId);
            var targets = TargetsOf(job);
            return new JobDescription(
                job,
                targets,
                targets.Where(t => IsProcessing(job, t)).ToList(),
                job.LatestExecutions.GroupBy(e => e.Status).ToDictionary(g => g.Key, g => g.Count())
            );
        }
    }

    /// <summary>
    /// Creates a job as CreateJob does: IN_PROGRESS with a QUEUED execution on each thing it targets, or
    /// SCHEDULED until its start time. A job id the account has (in any status, DELETION_IN_PROGRESS too) is
    /// refused: it can be used again only once its deletion has completed.
    /// </summary>
    internal SimJob CreateJob(NewJob request)
    {
        lock (gate)
        {
            Advance();
            string arn = Arn("job/" + request.JobId);
            if (jobs.ContainsKey(request.JobId))
                throw ServiceError.AlreadyExists($"Job {request.JobId} already exists.", request.JobId, arn);
            // ListJobs' thing group filters and a summary's thingGroupId go by the (first) group it targets.
            string? group = request
                .Targets.Where(t => ThingNameOf(t) is null)
                .Select(t => t[(t.IndexOf(":thinggroup/", StringComparison.Ordinal) + ":thinggroup/".Length)..])
                .FirstOrDefault();
            var now = Now;
            var job = new SimJob(request.JobId, arn, now)
            {
                Status = request.StartsAt is null ? "IN_PROGRESS" : "SCHEDULED",
                TargetSelection = request.TargetSelection,
                NamespaceId = request.NamespaceId,
                ThingGroupName = group,
                ThingGroupId = group is null ? null : "tg-" + group,
                Description = request.Description,
                Document = request.Document,
                DocumentSource = request.DocumentSource,
                Details = request.Details,
                Targets = request.Targets,
                StartsAt = request.StartsAt,
            };
            jobs.Add(job.JobId, job);
            if (job.Status == "IN_PROGRESS")
                QueueExecutions(job, now);
            return job;
        }
    }

    internal string? JobDocument(string jobId)
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

    /// <summary>
    /// The targets the job was created with; a seeded job's are its thing group or the things it has executions
    /// on.
    /// </summary>
    private List<string> TargetsOf(SimJob job) =>
        job.Targets?.ToList()
        ?? (
            job.ThingGroupName is not null
                ? [Arn("thinggroup/" + job.ThingGroupName)]
                : job.Executions.Keys.Select(ThingArn).ToList()
        );

    /// <summary>
    /// Whether the job is still being rolled out to a target ("null after the job execution has finished rolling
    /// out to all the target devices"): only while the job is IN_PROGRESS; a thing until its current execution
    /// has finished, a thing group for as long as the job runs (things may join it).
    /// </summary>
    private static bool IsProcessing(SimJob job, string target) =>
        job.Status == "IN_PROGRESS"
        && (ThingNameOf(target) is not { } thing || job.LatestExecution(thing) is { IsTerminal: false });
}
