using System.Text.Json;
using IotJobs.Simulator.State;

namespace IotJobs.Simulator.Http;

/// <summary>The JSON answers the operations share: a job as DescribeJob has it, execution summaries, times and
/// page tokens, in the service's wire form.</summary>
internal static class Answers
{
    public static void WriteJob(Utf8JsonWriter w, JobDescription d)
    {
        var j = d.Job;
        w.WriteStartObject();
        if (j.DocumentSource is not null)
            w.WriteString("documentSource", j.DocumentSource);
        w.WriteStartObject("job");
        w.WriteString("jobArn", j.JobArn);
        w.WriteString("jobId", j.JobId);
        w.WriteString("targetSelection", j.TargetSelection);
        w.WriteString("status", j.Status);
        w.WriteBoolean("forceCanceled", j.ForceCanceled);
        if (j.ReasonCode is not null)
            w.WriteString("reasonCode", j.ReasonCode);
        if (j.Comment is not null)
            w.WriteString("comment", j.Comment);
        if (j.Description is not null)
            w.WriteString("description", j.Description);
        if (j.NamespaceId is not null)
            w.WriteString("namespaceId", j.NamespaceId);
        w.WriteStartArray("targets");
        foreach (var target in d.Targets)
            w.WriteStringValue(target);
        w.WriteEndArray();
        Time(w, "createdAt", j.CreatedAt);
        Time(w, "lastUpdatedAt", j.LastUpdatedAt);
        Time(w, "completedAt", j.CompletedAt);
        foreach (var (name, json) in j.Details)
        {
            w.WritePropertyName(name);
            using var value = JsonDocument.Parse(json);
            value.RootElement.WriteTo(w);
        }
        w.WriteStartObject("jobProcessDetails");
        if (d.ProcessingTargets.Count > 0)
        {
            w.WriteStartArray("processingTargets");
            foreach (var target in d.ProcessingTargets)
                w.WriteStringValue(target);
            w.WriteEndArray();
        }
        // The counts are of things: each counts once, by its current execution.
        int Count(string status) => d.Things(status);
        w.WriteNumber("numberOfCanceledThings", Count("CANCELED"));
        w.WriteNumber("numberOfSucceededThings", Count("SUCCEEDED"));
        w.WriteNumber("numberOfFailedThings", Count("FAILED"));
        w.WriteNumber("numberOfRejectedThings", Count("REJECTED"));
        w.WriteNumber("numberOfQueuedThings", Count("QUEUED"));
        w.WriteNumber("numberOfInProgressThings", Count("IN_PROGRESS"));
        w.WriteNumber("numberOfRemovedThings", Count("REMOVED"));
        w.WriteNumber("numberOfTimedOutThings", Count("TIMED_OUT"));
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>What CreateJob and CancelJob answer: {jobArn, jobId, description}.</summary>
    public static void WriteJobReference(Utf8JsonWriter w, SimJob job)
    {
        w.WriteStartObject();
        w.WriteString("jobArn", job.JobArn);
        w.WriteString("jobId", job.JobId);
        if (job.Description is not null)
            w.WriteString("description", job.Description);
        w.WriteEndObject();
    }

    public static void WriteSummaries(Utf8JsonWriter w, Page<SimExecution> page, Action<SimExecution> writeOwner)
    {
        w.WriteStartObject();
        w.WriteStartArray("executionSummaries");
        foreach (var e in page.Items)
        {
            w.WriteStartObject();
            writeOwner(e);
            w.WriteStartObject("jobExecutionSummary");
            w.WriteString("status", e.Status);
            Time(w, "queuedAt", e.QueuedAt);
            Time(w, "startedAt", e.StartedAt);
            Time(w, "lastUpdatedAt", e.LastUpdatedAt);
            w.WriteNumber("executionNumber", e.ExecutionNumber);
            w.WriteNumber("retryAttempt", 0);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        NextToken(w, page.LastKey);
        w.WriteEndObject();
    }

    /// <summary>What ListThings answers: each thing as the registry has it, with no type and no attributes.</summary>
    public static void WriteThings(Utf8JsonWriter w, JobStore store, Page<string> page)
    {
        w.WriteStartObject();
        w.WriteStartArray("things");
        foreach (var name in page.Items)
        {
            w.WriteStartObject();
            w.WriteString("thingName", name);
            w.WriteString("thingArn", store.ThingArn(name));
            w.WriteStartObject("attributes");
            w.WriteEndObject();
            w.WriteNumber("version", 1);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        NextToken(w, page.LastKey);
        w.WriteEndObject();
    }

    /// <summary>Timestamps are epoch seconds with a millisecond fraction, as the service sends them.</summary>
    public static void Time(Utf8JsonWriter w, string name, DateTimeOffset? at)
    {
        if (at.HasValue)
            w.WriteNumber(name, at.Value.ToUnixTimeMilliseconds() / 1000.0);
    }

    public static void NextToken(Utf8JsonWriter w, string? lastKey)
    {
        if (lastKey is not null)
            w.WriteString("nextToken", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("after:" + lastKey)));
    }
}
