using System;
using IotJobs.Client.Model;
using IotJobs.Connections;
using IotJobs.Model;

namespace IotJobs.Output;

/// <summary>
/// The service's shapes to the objects the cmdlets write, each stamped with where and when it was
/// read, so it can be acted on again exactly there.
/// </summary>
internal static class OutputMapper
{
    public static IotJob ToJob(JobSummary s, ItemConnection from, string? namespaceId) =>
        Stamp(
            new IotJob
            {
                JobId = s.JobId ?? "",
                Status = s.Status,
                TargetSelection = s.TargetSelection,
                CreatedAt = Utc(s.CreatedAt),
                LastUpdatedAt = Utc(s.LastUpdatedAt),
                CompletedAt = Utc(s.CompletedAt),
                JobArn = s.JobArn,
                ThingGroupId = s.ThingGroupId,
                NamespaceId = namespaceId,
                // A listing's filter claims the namespace; only the job itself (a describe) makes it known.
                NamespaceKnown = false,
                IsConcurrent = s.IsConcurrent,
            },
            from,
            s.JobArn
        );

    public static IotJob ToJob(Job j, ItemConnection from) =>
        Stamp(
            new IotJob
            {
                JobId = j.JobId ?? "",
                Status = j.Status,
                TargetSelection = j.TargetSelection,
                Description = j.Description,
                CreatedAt = Utc(j.CreatedAt),
                LastUpdatedAt = Utc(j.LastUpdatedAt),
                CompletedAt = Utc(j.CompletedAt),
                JobArn = j.JobArn,
                NamespaceId = j.NamespaceId,
                NamespaceKnown = true,
                ForceCanceled = j.ForceCanceled,
                ReasonCode = j.ReasonCode,
                Comment = j.Comment,
                Targets = new TextList(j.Targets),
                IsConcurrent = j.IsConcurrent,
                JobTemplateArn = j.JobTemplateArn,
                SchedulingConfig = ServiceJson.Read(j.SchedulingConfig, e => new SchedulingConfig(e)),
                ScheduledJobRollouts = ServiceJson.ReadList(j.ScheduledJobRollouts, e => new ScheduledJobRollout(e)),
                JobExecutionsRolloutConfig = ServiceJson.Read(
                    j.JobExecutionsRolloutConfig,
                    e => new JobExecutionsRolloutConfig(e)
                ),
                AbortConfig = ServiceJson.Read(j.AbortConfig, e => new AbortConfig(e)),
                TimeoutConfig = ServiceJson.Read(j.TimeoutConfig, e => new TimeoutConfig(e)),
                JobExecutionsRetryConfig = ServiceJson.Read(
                    j.JobExecutionsRetryConfig,
                    e => new JobExecutionsRetryConfig(e)
                ),
                PresignedUrlConfig = ServiceJson.Read(j.PresignedUrlConfig, e => new PresignedUrlConfig(e)),
                DocumentParameters = new TextMap(j.DocumentParameters),
                DestinationPackageVersions = new TextList(j.DestinationPackageVersions),
                ProcessDetails =
                    j.JobProcessDetails == null
                        ? null
                        : new IotJobProcessDetails
                        {
                            Queued = j.JobProcessDetails.NumberOfQueuedThings ?? 0,
                            InProgress = j.JobProcessDetails.NumberOfInProgressThings ?? 0,
                            Succeeded = j.JobProcessDetails.NumberOfSucceededThings ?? 0,
                            Failed = j.JobProcessDetails.NumberOfFailedThings ?? 0,
                            TimedOut = j.JobProcessDetails.NumberOfTimedOutThings ?? 0,
                            Rejected = j.JobProcessDetails.NumberOfRejectedThings ?? 0,
                            Removed = j.JobProcessDetails.NumberOfRemovedThings ?? 0,
                            Canceled = j.JobProcessDetails.NumberOfCanceledThings ?? 0,
                            ProcessingTargets = new TextList(j.JobProcessDetails.ProcessingTargets),
                        },
            },
            from,
            j.JobArn
        );

    public static IotJobExecution ToExecution(
        string jobId,
        JobExecutionSummaryForJob s,
        ItemConnection from,
        string? namespaceId
    ) =>
        Stamp(
            WithSummary(
                new IotJobExecution
                {
                    JobId = jobId,
                    ThingName = s.ThingName ?? "",
                    ThingArn = s.ThingArn,
                    NamespaceId = namespaceId,
                },
                s.JobExecutionSummary
            ),
            from,
            s.ThingArn
        );

    /// <param name="accountId">
    /// The account, when known otherwise (a thing's listing names no ARN): the thing's ARN then follows from it.
    /// </param>
    public static IotJobExecution ToExecution(
        string thingName,
        JobExecutionSummaryForThing s,
        ItemConnection from,
        string? namespaceId,
        string? accountId
    )
    {
        var e = Stamp(
            WithSummary(
                new IotJobExecution
                {
                    JobId = s.JobId ?? "",
                    ThingName = thingName,
                    NamespaceId = namespaceId,
                },
                s.JobExecutionSummary
            ),
            from,
            null
        );
        e.AccountId = accountId;
        e.ThingArn = accountId == null ? null : ThingArn(from.Location.Region, accountId, thingName);
        return e;
    }

    public static IotJobExecution ToExecution(JobExecution e, ItemConnection from) =>
        Stamp(
            new IotJobExecution
            {
                JobId = e.JobId ?? "",
                ThingName = e.ThingName ?? "",
                ThingArn = e.ThingArn,
                ExecutionNumber = e.ExecutionNumber,
                Status = e.Status,
                VersionNumber = e.VersionNumber,
                QueuedAt = Utc(e.QueuedAt),
                StartedAt = Utc(e.StartedAt),
                LastUpdatedAt = Utc(e.LastUpdatedAt),
                ForceCanceled = e.ForceCanceled,
                ApproximateSecondsBeforeTimedOut = e.ApproximateSecondsBeforeTimedOut,
                StatusDetails = e.StatusDetails == null ? TextMap.Empty : new TextMap(e.StatusDetails.DetailsMap),
            },
            from,
            e.ThingArn
        );

    private static T Stamp<T>(T item, ItemConnection from, string? arn)
        where T : IotJobsItem
    {
        item.Region = from.Location.Region;
        item.EndpointUrl = from.Location.EndpointUrl;
        item.ProfileName = from.Settings.ProfileName;
        item.CredentialSource = from.Settings.CredentialSource;
        item.AccountId = AccountOf(arn);
        item.ReadAt = from.Options.Time.GetUtcNow();
        return item;
    }

    /// <summary>
    /// The service's times are UTC; as DateTimeOffset they say so, in a CSV too, and compare rightly with Get-Date.
    /// </summary>
    private static DateTimeOffset? Utc(DateTime? at) =>
        at.HasValue ? new DateTimeOffset(DateTime.SpecifyKind(at.Value, DateTimeKind.Utc)) : (DateTimeOffset?)null;

    /// <summary>arn:PARTITION:iot:REGION:ACCOUNT:RESOURCE → ACCOUNT.</summary>
    private static string? AccountOf(string? arn)
    {
        var parts = arn?.Split(':');
        return parts != null && parts.Length > 5 && parts[4].Length > 0 ? parts[4] : null;
    }

    /// <summary>arn:PARTITION:iot:REGION:ACCOUNT:thing/NAME, as the service names a thing in its own answers.</summary>
    private static string ThingArn(string region, string account, string thingName) =>
        $"arn:{PartitionOf(region)}:iot:{region}:{account}:thing/{thingName}";

    /// <summary>The partition of a region, by the region prefixes of the SDK's partition table.</summary>
    private static string PartitionOf(string region)
    {
        foreach (var (prefix, partition) in Partitions)
            if (region.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return partition;
        return "aws";
    }

    // A longer prefix before a shorter one it begins with (us-isob- before us-iso-).
    private static readonly (string Prefix, string Partition)[] Partitions =
    {
        ("cn-", "aws-cn"),
        ("us-gov-", "aws-us-gov"),
        ("us-isob-", "aws-iso-b"),
        ("us-isof-", "aws-iso-f"),
        ("us-iso-", "aws-iso"),
        ("eu-isoe-", "aws-iso-e"),
        ("eusc-", "aws-eusc"),
    };

    private static IotJobExecution WithSummary(IotJobExecution e, JobExecutionSummary? s)
    {
        if (s == null)
            return e;
        e.ExecutionNumber = s.ExecutionNumber;
        e.Status = s.Status;
        e.QueuedAt = Utc(s.QueuedAt);
        e.StartedAt = Utc(s.StartedAt);
        e.LastUpdatedAt = Utc(s.LastUpdatedAt);
        e.RetryAttempt = s.RetryAttempt;
        return e;
    }
}
