using System.Collections.Generic;
using System.Linq;
using IotJobs.Client.Model;
using IotJobs.Model;

namespace IotJobs.Cmdlets
{
    /// <summary>The service's shapes to the objects the cmdlets write.</summary>
    internal static class OutputMapper
    {
        public static IotJob ToJob(JobSummary s) => new IotJob
        {
            JobId = s.JobId ?? "",
            Status = s.Status,
            TargetSelection = s.TargetSelection,
            CreatedAt = s.CreatedAt,
            LastUpdatedAt = s.LastUpdatedAt,
            CompletedAt = s.CompletedAt,
            JobArn = s.JobArn,
            ThingGroupId = s.ThingGroupId,
        };

        public static IotJob ToJob(Job j) => new IotJob
        {
            JobId = j.JobId ?? "",
            Status = j.Status,
            TargetSelection = j.TargetSelection,
            Description = j.Description,
            CreatedAt = j.CreatedAt,
            LastUpdatedAt = j.LastUpdatedAt,
            CompletedAt = j.CompletedAt,
            JobArn = j.JobArn,
            NamespaceId = j.NamespaceId,
            ForceCanceled = j.ForceCanceled,
            ReasonCode = j.ReasonCode,
            Comment = j.Comment,
            Targets = j.Targets.ToList(),
            ProcessDetails = j.JobProcessDetails == null ? null : new IotJobProcessDetails
            {
                Queued = j.JobProcessDetails.NumberOfQueuedThings ?? 0,
                InProgress = j.JobProcessDetails.NumberOfInProgressThings ?? 0,
                Succeeded = j.JobProcessDetails.NumberOfSucceededThings ?? 0,
                Failed = j.JobProcessDetails.NumberOfFailedThings ?? 0,
                TimedOut = j.JobProcessDetails.NumberOfTimedOutThings ?? 0,
                Rejected = j.JobProcessDetails.NumberOfRejectedThings ?? 0,
                Removed = j.JobProcessDetails.NumberOfRemovedThings ?? 0,
                Canceled = j.JobProcessDetails.NumberOfCanceledThings ?? 0,
            },
        };

        public static IotJobExecution ToExecution(string jobId, JobExecutionSummaryForJob s) =>
            WithSummary(new IotJobExecution { JobId = jobId, ThingName = s.ThingName ?? "", ThingArn = s.ThingArn }, s.JobExecutionSummary);

        public static IotJobExecution ToExecution(string thingName, JobExecutionSummaryForThing s) =>
            WithSummary(new IotJobExecution { JobId = s.JobId ?? "", ThingName = thingName }, s.JobExecutionSummary);

        public static IotJobExecution ToExecution(JobExecution e) => new IotJobExecution
        {
            JobId = e.JobId ?? "",
            ThingName = e.ThingName ?? "",
            ThingArn = e.ThingArn,
            ExecutionNumber = e.ExecutionNumber,
            Status = e.Status,
            VersionNumber = e.VersionNumber,
            QueuedAt = e.QueuedAt,
            StartedAt = e.StartedAt,
            LastUpdatedAt = e.LastUpdatedAt,
            ForceCanceled = e.ForceCanceled,
            StatusDetails = e.StatusDetails?.DetailsMap ?? new Dictionary<string, string>(),
        };

        private static IotJobExecution WithSummary(IotJobExecution e, JobExecutionSummary? s)
        {
            if (s == null) return e;
            e.ExecutionNumber = s.ExecutionNumber;
            e.Status = s.Status;
            e.QueuedAt = s.QueuedAt;
            e.StartedAt = s.StartedAt;
            e.LastUpdatedAt = s.LastUpdatedAt;
            e.RetryAttempt = s.RetryAttempt;
            return e;
        }
    }
}
