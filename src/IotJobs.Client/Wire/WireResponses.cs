using System;
using System.Collections.Generic;
using System.Text.Json;
using IotJobs.Client.Model;

namespace IotJobs.Client.Wire
{
    /// <summary>Maps the service's JSON answers to the response types. Unknown members are ignored.</summary>
    internal static class WireResponses
    {
        public static ListJobsResponse ListJobs(JsonElement e) =>
            new ListJobsResponse { Jobs = List(e, "jobs", JobSummary), NextToken = Str(e, "nextToken") };

        public static DescribeJobResponse DescribeJob(JsonElement e) =>
            new DescribeJobResponse { DocumentSource = Str(e, "documentSource"), Job = Obj(e, "job", Job) };

        public static GetJobDocumentResponse GetJobDocument(JsonElement e) =>
            new GetJobDocumentResponse { Document = Str(e, "document") };

        public static CancelJobResponse CancelJob(JsonElement e) =>
            new CancelJobResponse
            {
                JobArn = Str(e, "jobArn"),
                JobId = Str(e, "jobId"),
                Description = Str(e, "description"),
            };

        public static ListJobExecutionsForJobResponse ListJobExecutionsForJob(JsonElement e) =>
            new ListJobExecutionsForJobResponse
            {
                ExecutionSummaries = List(e, "executionSummaries", s => new JobExecutionSummaryForJob
                {
                    ThingArn = Str(s, "thingArn"),
                    JobExecutionSummary = Obj(s, "jobExecutionSummary", ExecutionSummary),
                }),
                NextToken = Str(e, "nextToken"),
            };

        public static ListJobExecutionsForThingResponse ListJobExecutionsForThing(JsonElement e) =>
            new ListJobExecutionsForThingResponse
            {
                ExecutionSummaries = List(e, "executionSummaries", s => new JobExecutionSummaryForThing
                {
                    JobId = Str(s, "jobId"),
                    JobExecutionSummary = Obj(s, "jobExecutionSummary", ExecutionSummary),
                }),
                NextToken = Str(e, "nextToken"),
            };

        public static DescribeJobExecutionResponse DescribeJobExecution(JsonElement e) =>
            new DescribeJobExecutionResponse { Execution = Obj(e, "execution", x => new JobExecution
                {
                    JobId = Str(x, "jobId"),
                    Status = Str(x, "status"),
                    ForceCanceled = Bool(x, "forceCanceled"),
                    StatusDetails = Obj(x, "statusDetails", d => new JobExecutionStatusDetails
                    {
                        DetailsMap = Map(d, "detailsMap"),
                    }),
                    ThingArn = Str(x, "thingArn"),
                    QueuedAt = Time(x, "queuedAt"),
                    StartedAt = Time(x, "startedAt"),
                    LastUpdatedAt = Time(x, "lastUpdatedAt"),
                    ExecutionNumber = Long(x, "executionNumber"),
                    VersionNumber = Long(x, "versionNumber"),
                    ApproximateSecondsBeforeTimedOut = Long(x, "approximateSecondsBeforeTimedOut"),
                }) };

        public static ListThingsResponse ListThings(JsonElement e) =>
            new ListThingsResponse { Things = List(e, "things", t => new ThingAttribute
                {
                    ThingName = Str(t, "thingName"),
                    ThingTypeName = Str(t, "thingTypeName"),
                    ThingArn = Str(t, "thingArn"),
                    Attributes = Map(t, "attributes"),
                    Version = Long(t, "version"),
                }), NextToken = Str(e, "nextToken") };

        private static JobSummary JobSummary(JsonElement s) =>
            new JobSummary
            {
                JobArn = Str(s, "jobArn"),
                JobId = Str(s, "jobId"),
                ThingGroupId = Str(s, "thingGroupId"),
                TargetSelection = Str(s, "targetSelection"),
                Status = Str(s, "status"),
                IsConcurrent = Bool(s, "isConcurrent"),
                CreatedAt = Time(s, "createdAt"),
                LastUpdatedAt = Time(s, "lastUpdatedAt"),
                CompletedAt = Time(s, "completedAt"),
            };

        private static Job Job(JsonElement j) =>
            new Job
            {
                JobArn = Str(j, "jobArn"),
                JobId = Str(j, "jobId"),
                TargetSelection = Str(j, "targetSelection"),
                Status = Str(j, "status"),
                ForceCanceled = Bool(j, "forceCanceled"),
                ReasonCode = Str(j, "reasonCode"),
                Comment = Str(j, "comment"),
                Targets = List(j, "targets", t => t.GetString() ?? ""),
                Description = Str(j, "description"),
                NamespaceId = Str(j, "namespaceId"),
                IsConcurrent = Bool(j, "isConcurrent"),
                CreatedAt = Time(j, "createdAt"),
                LastUpdatedAt = Time(j, "lastUpdatedAt"),
                CompletedAt = Time(j, "completedAt"),
                JobTemplateArn = Str(j, "jobTemplateArn"),
                DocumentParameters = Map(j, "documentParameters"),
                DestinationPackageVersions = List(j, "destinationPackageVersions", t => t.GetString() ?? ""),
                PresignedUrlConfig = Raw(j, "presignedUrlConfig"),
                JobExecutionsRolloutConfig = Raw(j, "jobExecutionsRolloutConfig"),
                AbortConfig = Raw(j, "abortConfig"),
                TimeoutConfig = Raw(j, "timeoutConfig"),
                JobExecutionsRetryConfig = Raw(j, "jobExecutionsRetryConfig"),
                SchedulingConfig = Raw(j, "schedulingConfig"),
                ScheduledJobRollouts = Raw(j, "scheduledJobRollouts"),
                JobProcessDetails = Obj(j, "jobProcessDetails", p => new JobProcessDetails
                {
                    ProcessingTargets = List(p, "processingTargets", t => t.GetString() ?? ""),
                    NumberOfCanceledThings = Int(p, "numberOfCanceledThings"),
                    NumberOfSucceededThings = Int(p, "numberOfSucceededThings"),
                    NumberOfFailedThings = Int(p, "numberOfFailedThings"),
                    NumberOfRejectedThings = Int(p, "numberOfRejectedThings"),
                    NumberOfQueuedThings = Int(p, "numberOfQueuedThings"),
                    NumberOfInProgressThings = Int(p, "numberOfInProgressThings"),
                    NumberOfRemovedThings = Int(p, "numberOfRemovedThings"),
                    NumberOfTimedOutThings = Int(p, "numberOfTimedOutThings"),
                }),
            };

        private static JobExecutionSummary ExecutionSummary(JsonElement s) =>
            new JobExecutionSummary
            {
                Status = Str(s, "status"),
                QueuedAt = Time(s, "queuedAt"),
                StartedAt = Time(s, "startedAt"),
                LastUpdatedAt = Time(s, "lastUpdatedAt"),
                ExecutionNumber = Long(s, "executionNumber"),
                RetryAttempt = Int(s, "retryAttempt"),
            };

        private static bool TryGet(JsonElement e, string name, out JsonElement value) =>
            e.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

        private static string? Str(JsonElement e, string name) => TryGet(e, name, out var v) ? v.GetString() : null;

        /// <summary>A member's JSON exactly as sent, or null when absent.</summary>
        private static string? Raw(JsonElement e, string name) => TryGet(e, name, out var v) ? v.GetRawText() : null;

        private static bool? Bool(JsonElement e, string name) =>
            TryGet(e, name, out var v) ? v.GetBoolean() : (bool?)null;

        private static int? Int(JsonElement e, string name) => TryGet(e, name, out var v) ? v.GetInt32() : (int?)null;

        private static long? Long(JsonElement e, string name) =>
            TryGet(e, name, out var v) ? v.GetInt64() : (long?)null;

        /// <summary>
        /// The service sends timestamps as epoch seconds with a millisecond fraction; rounding to
        /// whole milliseconds undoes the binary floating point's error.
        /// </summary>
        private static DateTime? Time(JsonElement e, string name)
        {
            if (!TryGet(e, name, out var v))
                return null;
            long milliseconds = (long)Math.Round(v.GetDouble() * 1000);
            return new DateTime(UnixEpochTicks + milliseconds * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        }

        private static readonly long UnixEpochTicks = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

        private static T? Obj<T>(JsonElement e, string name, Func<JsonElement, T> read)
            where T : class => TryGet(e, name, out var v) ? read(v) : null;

        private static List<T> List<T>(JsonElement e, string name, Func<JsonElement, T> read)
        {
            var list = new List<T>();
            if (TryGet(e, name, out var v))
                foreach (var item in v.EnumerateArray())
                    list.Add(read(item));
            return list;
        }

        private static Dictionary<string, string> Map(JsonElement e, string name)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            if (TryGet(e, name, out var v))
                foreach (var p in v.EnumerateObject())
                    map[p.Name] = p.Value.GetString() ?? "";
            return map;
        }
    }
}
