using System;

namespace IotJobs.Model
{
    /// <summary>
    /// A job, as Get-IotJob writes it. From a listing only the summary fields are set; from
    /// Get-IotJob -JobId (a describe) all of them. JobId pipes into every *-IotJob* cmdlet.
    /// </summary>
    public sealed class IotJob : IotJobsItem
    {
        public override ItemKind Kind => ItemKind.Job;

        public string JobId { get; set; } = "";
        public string? Status { get; set; }
        public string? TargetSelection { get; set; }
        public string? Description { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? LastUpdatedAt { get; set; }
        public DateTimeOffset? CompletedAt { get; set; }
        public string? JobArn { get; set; }
        public string? ThingGroupId { get; set; }

        /// <summary>
        /// The job's namespace; from a listing, known only when the listing was filtered by -NamespaceId.
        /// </summary>
        public string? NamespaceId { get; set; }

        /// <summary>
        /// Whether <see cref="NamespaceId"/> is the job's own word (a describe): null then means none. A listing by
        /// namespace only claims it.
        /// </summary>
        internal bool NamespaceKnown { get; set; }

        public bool? ForceCanceled { get; set; }
        public string? ReasonCode { get; set; }
        public string? Comment { get; set; }
        public TextList Targets { get; set; } = TextList.Empty;

        /// <summary>Execution counts by status; null when the job came from a listing.</summary>
        public IotJobProcessDetails? ProcessDetails { get; set; }

        /// <summary>Whether the job runs beside others on the same things (from a listing too).</summary>
        public bool? IsConcurrent { get; set; }

        // The rest of the service's model, from a describe (Get-IotJob -JobId): what a backup, a CSV export and
        // a What-if line can show of a job. Structured configurations are objects typed as the model types them,
        // which read as the service's own JSON where they are turned into text (see ServiceShape).
        public string? JobTemplateArn { get; set; }
        public SchedulingConfig? SchedulingConfig { get; set; }
        public ServiceShapeList<ScheduledJobRollout>? ScheduledJobRollouts { get; set; }
        public JobExecutionsRolloutConfig? JobExecutionsRolloutConfig { get; set; }
        public AbortConfig? AbortConfig { get; set; }
        public TimeoutConfig? TimeoutConfig { get; set; }
        public JobExecutionsRetryConfig? JobExecutionsRetryConfig { get; set; }
        public PresignedUrlConfig? PresignedUrlConfig { get; set; }
        public TextMap DocumentParameters { get; set; } = TextMap.Empty;
        public TextList DestinationPackageVersions { get; set; } = TextList.Empty;

        public override string ToString() => JobId;
    }
}
