using System;
using System.Collections.Generic;

namespace IotJobs.Model
{
    /// <summary>
    /// A job, as Get-IotJob writes it. From a listing only the summary fields are set; from
    /// Get-IotJob -JobId (a describe) all of them. JobId pipes into every *-IotJob* cmdlet.
    /// </summary>
    public sealed class IotJob
    {
        public string JobId { get; set; } = "";
        public string? Status { get; set; }
        public string? TargetSelection { get; set; }
        public string? Description { get; set; }
        public DateTime? CreatedAt { get; set; }
        public DateTime? LastUpdatedAt { get; set; }
        public DateTime? CompletedAt { get; set; }
        public string? JobArn { get; set; }
        public string? ThingGroupId { get; set; }
        public string? NamespaceId { get; set; }
        public bool? ForceCanceled { get; set; }
        public string? ReasonCode { get; set; }
        public string? Comment { get; set; }
        public IReadOnlyList<string> Targets { get; set; } = Array.Empty<string>();

        /// <summary>Execution counts by status; null when the job came from a listing.</summary>
        public IotJobProcessDetails? ProcessDetails { get; set; }

        public override string ToString() => JobId;
    }

    /// <summary>How many of a job's executions are in each status.</summary>
    public sealed class IotJobProcessDetails
    {
        public int Queued { get; set; }
        public int InProgress { get; set; }
        public int Succeeded { get; set; }
        public int Failed { get; set; }
        public int TimedOut { get; set; }
        public int Rejected { get; set; }
        public int Removed { get; set; }
        public int Canceled { get; set; }

        public int Total => Queued + InProgress + Succeeded + Failed + TimedOut + Rejected + Removed + Canceled;

        public override string ToString() =>
            $"{Total} executions: {Queued} queued, {InProgress} in progress, {Succeeded} succeeded, {Failed} failed, {Canceled} canceled";
    }
}
