using System;

namespace IotJobs.Model
{
    /// <summary>
    /// A job, as Get-IotJob writes it. From a listing only the summary fields are set; from
    /// Get-IotJob -JobId (a describe) all of them. JobId pipes into every *-IotJob* cmdlet.
    /// </summary>
    public sealed class IotJob : IotJobsItem
    {
        public override string Kind => "Job";

        public string JobId { get; set; } = "";
        public string? Status { get; set; }
        public string? TargetSelection { get; set; }
        public string? Description { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? LastUpdatedAt { get; set; }
        public DateTimeOffset? CompletedAt { get; set; }
        public string? JobArn { get; set; }
        public string? ThingGroupId { get; set; }

        /// <summary>The job's namespace; from a listing, known only when the listing was filtered by -NamespaceId.</summary>
        public string? NamespaceId { get; set; }

        public bool? ForceCanceled { get; set; }
        public string? ReasonCode { get; set; }
        public string? Comment { get; set; }
        public TextList Targets { get; set; } = TextList.Empty;

        /// <summary>Execution counts by status; null when the job came from a listing.</summary>
        public IotJobProcessDetails? ProcessDetails { get; set; }

        public override string ToString() => JobId;
    }
}
