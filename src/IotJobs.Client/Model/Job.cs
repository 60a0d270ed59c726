using System;
using System.Collections.Generic;

namespace IotJobs.Client.Model
{
    /// <summary>
    /// A job as DescribeJob returns it, every field of the current model. Structured configurations are kept
    /// as the service's JSON, so nothing of them is lost on the way to a backup or a CSV file.
    /// </summary>
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
        public string? JobTemplateArn { get; set; }
        public Dictionary<string, string> DocumentParameters { get; set; } = new Dictionary<string, string>();
        public List<string> DestinationPackageVersions { get; set; } = new List<string>();

        // The service's JSON of each structured configuration, or null when the job has none.
        public string? PresignedUrlConfig { get; set; }
        public string? JobExecutionsRolloutConfig { get; set; }
        public string? AbortConfig { get; set; }
        public string? TimeoutConfig { get; set; }
        public string? JobExecutionsRetryConfig { get; set; }
        public string? SchedulingConfig { get; set; }
        public string? ScheduledJobRollouts { get; set; }
    }
}
