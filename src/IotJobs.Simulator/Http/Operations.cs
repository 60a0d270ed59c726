using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IotJobs.Simulator.State;

namespace IotJobs.Simulator.Http;

/// <summary>
/// Serves one recognised operation: validates its input as the service does (400 on bad input),
/// applies it to the store and writes the JSON answer.
/// </summary>
internal sealed partial class Operations
{
    private readonly SimulatorOptions options;

    public Operations(SimulatorOptions options) => this.options = options;

    /// <summary>Runs the operation on the caller's account; writes the answer body to <paramref name="w"/>, or leaves it empty.</summary>
    public void Execute(
        OperationRoute route,
        JobStore store,
        IReadOnlyList<KeyValuePair<string, string>> query,
        string body,
        Utf8JsonWriter w
    )
    {
        string? Q(string name) => query.FirstOrDefault(p => p.Key == name).Value;
        switch (route.Operation)
        {
            case "ListJobs":
            {
                var (status, selection, group, groupId, ns) = (
                    Q("status"),
                    Q("targetSelection"),
                    Q("thingGroupName"),
                    Q("thingGroupId"),
                    Q("namespaceId")
                );
                var page = store.ListJobs(
                    j =>
                        (status is null || j.Status == status)
                        && (selection is null || j.TargetSelection == selection)
                        && (group is null || j.ThingGroupName == group)
                        && (groupId is null || j.ThingGroupId == groupId)
                        && (ns is null || j.NamespaceId == ns),
                    Token(Q("nextToken")),
                    PageSize(Q("maxResults"))
                );
                w.WriteStartObject();
                w.WriteStartArray("jobs");
                foreach (var j in page.Items)
                {
                    w.WriteStartObject();
                    w.WriteString("jobArn", j.JobArn);
                    w.WriteString("jobId", j.JobId);
                    if (j.ThingGroupId is not null)
                        w.WriteString("thingGroupId", j.ThingGroupId);
                    w.WriteString("targetSelection", j.TargetSelection);
                    w.WriteString("status", j.Status);
                    w.WriteBoolean("isConcurrent", false);
                    Time(w, "createdAt", j.CreatedAt);
                    Time(w, "lastUpdatedAt", j.LastUpdatedAt);
                    Time(w, "completedAt", j.CompletedAt);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                NextToken(w, page.LastKey);
                w.WriteEndObject();
                break;
            }
            case "DescribeJob":
                WriteJob(w, store, store.DescribeJob(JobId(route.JobId)));
                break;
            case "GetJobDocument":
                w.WriteStartObject();
                w.WriteString("document", store.JobDocument(JobId(route.JobId)));
                w.WriteEndObject();
                break;
            case "CancelJob":
            {
                using var doc = Body(body);
                string? reason = Str(doc, "reasonCode"),
                    comment = Str(doc, "comment");
                if (reason is not null && (reason.Length > 128 || !ReasonCodePattern().IsMatch(reason)))
                    throw ServiceError.InvalidRequest(
                        "reasonCode must be at most 128 upper-case letters, digits and underscores."
                    );
                if (comment is not null && (comment.Length > 2028 || comment.Any(char.IsControl)))
                    throw ServiceError.InvalidRequest(
                        "comment must be at most 2028 characters without control characters."
                    );
                var job = store.CancelJob(JobId(route.JobId), Force(Q("force")), reason, comment);
                w.WriteStartObject();
                w.WriteString("jobArn", job.JobArn);
                w.WriteString("jobId", job.JobId);
                if (job.Description is not null)
                    w.WriteString("description", job.Description);
                w.WriteEndObject();
                break;
            }
            case "DeleteJob":
                Namespace(Q("namespaceId"));
                store.DeleteJob(JobId(route.JobId), Force(Q("force")));
                break;
            case "ListJobExecutionsForJob":
            {
                var page = store.ListExecutionsForJob(
                    JobId(route.JobId),
                    ExecutionStatus(Q("status")),
                    Token(Q("nextToken")),
                    PageSize(Q("maxResults"))
                );
                WriteSummaries(w, page, e => w.WriteString("thingArn", store.ThingArn(e.ThingName)));
                break;
            }
            case "ListJobExecutionsForThing":
            {
                string? ns = Namespace(Q("namespaceId")),
                    jobId = Q("jobId") is { } id ? JobId(id) : null;
                var page = store.ListExecutionsForThing(
                    ThingName(route.ThingName),
                    j => (ns is null || j.NamespaceId == ns) && (jobId is null || j.JobId == jobId),
                    ExecutionStatus(Q("status")),
                    Token(Q("nextToken")),
                    PageSize(Q("maxResults"))
                );
                WriteSummaries(w, page, e => w.WriteString("jobId", e.JobId));
                break;
            }
            case "DescribeJobExecution":
            {
                long? number = Q("executionNumber") is { } n ? Number(n, "executionNumber") : null;
                var e = store.DescribeExecution(JobId(route.JobId), ThingName(route.ThingName), number);
                w.WriteStartObject();
                w.WriteStartObject("execution");
                w.WriteString("jobId", e.JobId);
                w.WriteString("status", e.Status);
                w.WriteBoolean("forceCanceled", e.ForceCanceled);
                w.WriteStartObject("statusDetails");
                w.WriteStartObject("detailsMap");
                foreach (var (k, v) in e.StatusDetails)
                    w.WriteString(k, v);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteString("thingArn", store.ThingArn(e.ThingName));
                Time(w, "queuedAt", e.QueuedAt);
                Time(w, "startedAt", e.StartedAt);
                Time(w, "lastUpdatedAt", e.LastUpdatedAt);
                w.WriteNumber("executionNumber", e.ExecutionNumber);
                w.WriteNumber("versionNumber", e.VersionNumber);
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            }
            case "CancelJobExecution":
            {
                using var doc = Body(body);
                long? expected =
                    doc.RootElement.TryGetProperty("expectedVersion", out var ev)
                    && ev.ValueKind == JsonValueKind.Number
                        ? ev.GetInt64()
                        : null;
                Dictionary<string, string>? details = null;
                if (doc.RootElement.TryGetProperty("statusDetails", out var sd) && sd.ValueKind == JsonValueKind.Object)
                {
                    details = sd.EnumerateObject()
                        .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
                    if (details.Count > 10)
                        throw ServiceError.InvalidRequest(
                            $"statusDetails has {details.Count} entries; at most 10 are allowed."
                        );
                }
                store.CancelExecution(
                    JobId(route.JobId),
                    ThingName(route.ThingName),
                    Force(Q("force")),
                    expected,
                    details
                );
                break;
            }
            case "DeleteJobExecution":
                Namespace(Q("namespaceId"));
                store.DeleteExecution(
                    JobId(route.JobId),
                    ThingName(route.ThingName),
                    Number(route.ExecutionNumber!, "executionNumber"),
                    Force(Q("force"))
                );
                break;
            default:
                throw new InvalidOperationException("Unrouted operation " + route.Operation);
        }
    }

    private static void WriteJob(Utf8JsonWriter w, JobStore store, SimJob j)
    {
        w.WriteStartObject();
        w.WriteString("documentSource", $"https://s3.amazonaws.com/jobs/{j.JobId}.json");
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
        if (j.ThingGroupName is not null)
            w.WriteStringValue(store.Arn("thinggroup/" + j.ThingGroupName));
        else
            foreach (var e in j.ExecutionList)
                w.WriteStringValue(store.ThingArn(e.ThingName));
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
        w.WriteStartArray("processingTargets");
        w.WriteEndArray();
        int Count(string status) => j.ExecutionList.Count(e => e.Status == status);
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

    private static void WriteSummaries(Utf8JsonWriter w, Page<SimExecution> page, Action<SimExecution> writeOwner)
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

    /// <summary>Timestamps are epoch seconds with a millisecond fraction, as the service sends them.</summary>
    private static void Time(Utf8JsonWriter w, string name, DateTimeOffset? at)
    {
        if (at.HasValue)
            w.WriteNumber(name, at.Value.ToUnixTimeMilliseconds() / 1000.0);
    }

    private static void NextToken(Utf8JsonWriter w, string? lastKey)
    {
        if (lastKey is not null)
            w.WriteString("nextToken", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("after:" + lastKey)));
    }

    private static string? Token(string? token)
    {
        if (token is null)
            return null;
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("after:", StringComparison.Ordinal))
                return text["after:".Length..];
        }
        catch (FormatException) { }
        throw ServiceError.InvalidRequest("The nextToken is not valid.");
    }

    private int PageSize(string? maxResults)
    {
        if (maxResults is null)
            return options.DefaultPageSize;
        long n = Number(maxResults, "maxResults");
        if (n is < 1 or > 250)
            throw ServiceError.InvalidRequest("maxResults must be between 1 and 250.");
        return (int)n;
    }

    private static bool Force(string? value) =>
        value switch
        {
            null or "false" => false,
            "true" => true,
            _ => throw ServiceError.InvalidRequest("force must be true or false."),
        };

    private static long Number(string value, string name) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw ServiceError.InvalidRequest($"{name} must be a whole number.");

    private static string JobId(string? id) =>
        id is not null && id.Length <= 64 && IdPattern().IsMatch(id)
            ? id
            : throw ServiceError.InvalidRequest("jobId must be 1-64 characters of [a-zA-Z0-9_-].");

    private static string ThingName(string? name) =>
        name is not null && name.Length <= 128 && ThingPattern().IsMatch(name)
            ? name
            : throw ServiceError.InvalidRequest("thingName must be 1-128 characters of [a-zA-Z0-9:_-].");

    private static string? Namespace(string? ns) =>
        ns is null || IdPattern().IsMatch(ns)
            ? ns
            : throw ServiceError.InvalidRequest("namespaceId must match [a-zA-Z0-9_-]+.");

    private static string? ExecutionStatus(string? status) =>
        status
            is null
                or "QUEUED"
                or "IN_PROGRESS"
                or "SUCCEEDED"
                or "FAILED"
                or "TIMED_OUT"
                or "REJECTED"
                or "REMOVED"
                or "CANCELED"
            ? status
            : throw ServiceError.InvalidRequest($"'{status}' is not a job execution status.");

    private static JsonDocument Body(string body)
    {
        try
        {
            var doc = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
                return doc;
            doc.Dispose();
        }
        catch (JsonException) { }
        throw ServiceError.InvalidRequest("The request body must be a JSON object.");
    }

    private static string? Str(JsonDocument doc, string name) =>
        doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [GeneratedRegex("^[a-zA-Z0-9_-]+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-zA-Z0-9:_-]+$")]
    private static partial Regex ThingPattern();

    [GeneratedRegex(@"^[\p{Lu}\p{Nd}_]+$")]
    private static partial Regex ReasonCodePattern();
}
