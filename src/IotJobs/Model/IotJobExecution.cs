using System;

namespace IotJobs.Model
{
    /// <summary>
    /// One execution of a job on one thing. JobId, ThingName and ExecutionNumber pipe into
    /// Stop-IotJobExecution and Remove-IotJobExecution; VersionNumber (set by a describe) pipes
    /// into Stop-IotJobExecution's -ExpectedVersion, so a cancel fails if the device moved on.
    /// </summary>
    public sealed class IotJobExecution : IotJobsItem
    {
        public override ItemKind Kind => ItemKind.JobExecution;

        public string JobId { get; set; } = "";
        public string ThingName { get; set; } = "";
        public long? ExecutionNumber { get; set; }
        public string? Status { get; set; }

        /// <summary>
        /// The job's namespace, when known: listed with -NamespaceId, or listed from a job that knew it.
        /// </summary>
        public string? NamespaceId { get; set; }

        public long? VersionNumber { get; set; }
        public DateTimeOffset? QueuedAt { get; set; }
        public DateTimeOffset? StartedAt { get; set; }
        public DateTimeOffset? LastUpdatedAt { get; set; }
        public string? ThingArn { get; set; }
        public bool? ForceCanceled { get; set; }

        /// <summary>From a listing: how many times the execution has been retried.</summary>
        public int? RetryAttempt { get; set; }

        /// <summary>From a describe: the seconds left before an in-progress execution times out.</summary>
        public long? ApproximateSecondsBeforeTimedOut { get; set; }
        public TextMap StatusDetails { get; set; } = TextMap.Empty;

        public override string ToString() => $"{JobId} on {ThingName}";
    }
}
