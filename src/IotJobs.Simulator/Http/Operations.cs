using System.Text.Json;
using IotJobs.Simulator.State;
using static IotJobs.Simulator.Http.Answers;
using static IotJobs.Simulator.Http.RequestValues;

namespace IotJobs.Simulator.Http;

/// <summary>
/// Serves one recognised operation: validates its input as the service does (400 on bad input),
/// applies it to the store and writes the JSON answer.
/// </summary>
internal sealed class Operations
{
    private readonly SimulatorOptions options;

    public Operations(SimulatorOptions options) => this.options = options;

    /// <summary>
    /// Runs the operation on the caller's account; writes the answer body to <paramref name="w"/>, or leaves
    /// it empty.
    /// </summary>
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
                        && (ns is null || options.ListJobsIgnoresNamespaceId || j.NamespaceId == ns),
                    Token(Q("nextToken")),
                    PageSize(Q("maxResults"), options.DefaultPageSize)
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
                WriteJob(w, store.DescribeJob(JobId(route.JobId)));
                break;
            case "GetJobDocument":
                w.WriteStartObject();
                if (store.JobDocument(JobId(route.JobId)) is { } document)
                    w.WriteString("document", document);
                w.WriteEndObject();
                break;
            case "CreateJob":
                WriteJobReference(w, store.CreateJob(CreateJobInput.Parse(store, route.JobId ?? "", body)));
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
                WriteJobReference(w, store.CancelJob(JobId(route.JobId), Force(Q("force")), reason, comment));
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
                    PageSize(Q("maxResults"), options.DefaultPageSize)
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
                    PageSize(Q("maxResults"), options.DefaultPageSize)
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
            case "ListThings":
            {
                // Things here have no type and no attributes: a filter on either is honoured by matching none.
                Flag(Q("usePrefixAttributeValue"), "usePrefixAttributeValue");
                var page = store.ListThings(
                    Q("thingTypeName") is not null || Q("attributeName") is not null || Q("attributeValue") is not null,
                    Token(Q("nextToken")),
                    PageSize(Q("maxResults"), options.DefaultPageSize)
                );
                WriteThings(w, store, page);
                break;
            }
            default:
                throw new InvalidOperationException("Unrouted operation " + route.Operation);
        }
    }
}
