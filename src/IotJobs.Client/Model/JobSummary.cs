using System;

namespace IotJobs.Client.Model
{
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
