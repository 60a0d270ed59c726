using System;

namespace IotJobs.Client.Model
{
    /// <summary>A job execution as DescribeJobExecution returns it.</summary>
    public sealed class JobExecution
    {
        public string? JobId { get; set; }
        public string? Status { get; set; }
        public bool? ForceCanceled { get; set; }
        public JobExecutionStatusDetails? StatusDetails { get; set; }
        public string? ThingArn { get; set; }

        /// <summary>Not a service field: the thing name taken from <see cref="ThingArn"/>.</summary>
        public string? ThingName => ThingArns.NameOf(ThingArn);

        public DateTime? QueuedAt { get; set; }
        public DateTime? StartedAt { get; set; }
        public DateTime? LastUpdatedAt { get; set; }
        public long? ExecutionNumber { get; set; }
        public long? VersionNumber { get; set; }
        public long? ApproximateSecondsBeforeTimedOut { get; set; }
    }
}
