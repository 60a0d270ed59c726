using System;
using System.Collections.Generic;

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
        public DateTime? CreatedAt { get; set; }
        public DateTime? LastUpdatedAt { get; set; }
        public DateTime? CompletedAt { get; set; }
        public string? JobArn { get; set; }
        public string? ThingGroupId { get; set; }

        /// <summary>The job's namespace; from a listing, known only when the listing was filtered by -NamespaceId.</summary>
        public string? NamespaceId { get; set; }

        public bool? ForceCanceled { get; set; }
        public string? ReasonCode { get; set; }
        public string? Comment { get; set; }
        public IReadOnlyList<string> Targets { get; set; } = Array.Empty<string>();

        /// <summary>Execution counts by status; null when the job came from a listing.</summary>
        public IotJobProcessDetails? ProcessDetails { get; set; }

        public override string ToString() => JobId;
    }
}
