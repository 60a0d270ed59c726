using System;

namespace IotJobs.Client.Model
{
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
}
