using System;
using System.Collections.Generic;

namespace IotJobs.Client.Model
{
    /// <summary>A job as DescribeJob returns it (the subset of fields this module reads).</summary>
    public sealed class Job
    {
        public string? JobArn { get; set; }
        public string? JobId { get; set; }
        public string? TargetSelection { get; set; }
        public string? Status { get; set; }
        public bool? ForceCanceled { get; set; }
        public string? ReasonCode { get; set; }
        public string? Comment { get; set; }
        public List<string> Targets { get; set; } = new List<string>();
        public string? Description { get; set; }
        public string? NamespaceId { get; set; }
        public bool? IsConcurrent { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? LastUpdatedAt { get; set; }
        public DateTime? CompletedAt { get; set; }
        public JobProcessDetails? JobProcessDetails { get; set; }
    }

    /// <summary>Counts of a job's executions by status.</summary>
    public sealed class JobProcessDetails
    {
        public List<string> ProcessingTargets { get; set; } = new List<string>();
        public int? NumberOfCanceledThings { get; set; }
        public int? NumberOfSucceededThings { get; set; }
        public int? NumberOfFailedThings { get; set; }
        public int? NumberOfRejectedThings { get; set; }
        public int? NumberOfQueuedThings { get; set; }
        public int? NumberOfInProgressThings { get; set; }
        public int? NumberOfRemovedThings { get; set; }
        public int? NumberOfTimedOutThings { get; set; }
    }

    /// <summary>One entry of ListJobs.</summary>
    public sealed class JobSummary
    {
        public string? JobArn { get; set; }
        public string? JobId { get; set; }
        public string? ThingGroupId { get; set; }
        public string? TargetSelection { get; set; }
        public string? Status { get; set; }
        public bool? IsConcurrent { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? LastUpdatedAt { get; set; }
        public DateTime? CompletedAt { get; set; }
    }
}
