using System;
using System.Collections.Generic;

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

    /// <summary>The name/value pairs a device (or a cancel) left on an execution.</summary>
    public sealed class JobExecutionStatusDetails
    {
        public Dictionary<string, string> DetailsMap { get; set; } = new Dictionary<string, string>();
    }

    /// <summary>The part of an execution that the two list operations share.</summary>
    public sealed class JobExecutionSummary
    {
        public string? Status { get; set; }
        public DateTime? QueuedAt { get; set; }
        public DateTime? StartedAt { get; set; }
        public DateTime? LastUpdatedAt { get; set; }
        public long? ExecutionNumber { get; set; }
        public int? RetryAttempt { get; set; }
    }

    /// <summary>One entry of ListJobExecutionsForJob: the service names the thing only by ARN.</summary>
    public sealed class JobExecutionSummaryForJob
    {
        public string? ThingArn { get; set; }

        /// <summary>Not a service field: the thing name taken from <see cref="ThingArn"/>.</summary>
        public string? ThingName => ThingArns.NameOf(ThingArn);

        public JobExecutionSummary? JobExecutionSummary { get; set; }
    }

    /// <summary>One entry of ListJobExecutionsForThing.</summary>
    public sealed class JobExecutionSummaryForThing
    {
        public string? JobId { get; set; }
        public JobExecutionSummary? JobExecutionSummary { get; set; }
    }
}
