using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using IotJobs.Simulator.State;
using static IotJobs.Simulator.Http.ModelConstraints;

namespace IotJobs.Simulator.Http;

/// <summary>
/// Reads a CreateJob request (PUT /jobs/{jobId}, the body as the current API model has it) and refuses what the
/// service refuses: first every violation of the model's constraints at once, then the service's own rules
/// (one of document and documentSource, a JSON document, targets of this account and region, the scheduling
/// times the API reference allows).
/// </summary>
internal static partial class CreateJobInput
{
    /// <summary>Members DescribeJob answers as they were given, in the order the model's Job lists them.</summary>
    private static readonly string[] KeptAsGiven =
    [
        "presignedUrlConfig",
        "jobExecutionsRolloutConfig",
        "abortConfig",
        "timeoutConfig",
        "jobTemplateArn",
        "jobExecutionsRetryConfig",
        "documentParameters",
        "schedulingConfig",
        "destinationPackageVersions",
    ];

    public static NewJob Parse(JobStore store, string jobId, string body)
    {
        using var request = RequestValues.Body(body);
        var root = request.RootElement;
        var c = new ModelConstraints();
        c.Length(jobId, "jobId", 1, 64);
        c.Pattern(jobId, "jobId", "[a-zA-Z0-9_-]+");
        var targets = List(root, "targets", "targets");
        c.Required(targets, "targets");
        c.Count(targets, "targets", 1);
        var targetArns = (targets ?? []).Select((t, i) => Target(c, t, $"targets.{i + 1}.member")).ToList();
        string? source = Text(root, "documentSource", "documentSource"),
            document = Text(root, "document", "document"),
            description = Text(root, "description", "description"),
            selection = Text(root, "targetSelection", "targetSelection"),
            ns = Text(root, "namespaceId", "namespaceId");
        c.Length(source, "documentSource", 1, 1350);
        c.Length(document, "document", 0, 32768);
        c.Length(description, "description", 0, 2028);
        c.Pattern(description, "description", @"[^\p{C}]+");
        c.OneOf(selection, "targetSelection", "CONTINUOUS", "SNAPSHOT");
        c.Pattern(ns, "namespaceId", "[a-zA-Z0-9_-]+");
        JobConfigChecks.Check(c, root);
        c.ThrowIfAny();

        Document(document, source);
        foreach (var target in targetArns)
            Target(store, target!);
        if (Member(root, "documentParameters") is not null && Member(root, "jobTemplateArn") is null)
            throw ServiceError.InvalidRequest(
                "documentParameters can be used only to create a job from an AWS managed template (jobTemplateArn)."
            );
        if (List(root, "destinationPackageVersions", "destinationPackageVersions") is { Count: > 25 })
            throw ServiceError.InvalidRequest("A job can name at most 25 destinationPackageVersions.");
        var scheduling = Member(root, "schedulingConfig");
        return new NewJob(
            jobId,
            targetArns!,
            document,
            source,
            description,
            selection ?? "SNAPSHOT",
            ns,
            scheduling is { } s ? StartTime(s, store.Now) : null,
            KeptAsGiven
                .Where(name => Member(root, name) is not null)
                .ToDictionary(name => name, name => root.GetProperty(name).GetRawText(), StringComparer.Ordinal)
        );
    }

    private static string? Target(ModelConstraints c, JsonElement target, string path)
    {
        string? arn = target.ValueKind == JsonValueKind.String ? target.GetString() : null;
        c.Required(arn, path);
        c.Length(arn, path, 0, 2048);
        return arn;
    }

    /// <summary>A thing or thing group of the caller's account, in this region.</summary>
    private static void Target(JobStore store, string arn)
    {
        string? name =
            arn.StartsWith(store.Arn("thing/"), StringComparison.Ordinal) ? arn[store.Arn("thing/").Length..]
            : arn.StartsWith(store.Arn("thinggroup/"), StringComparison.Ordinal)
                ? arn[store.Arn("thinggroup/").Length..]
            : null;
        if (name is null || name.Length > 128 || !NamePattern().IsMatch(name))
            throw ServiceError.InvalidRequest(
                $"Target {arn} is not the ARN of a thing or thing group of account {store.AccountId} "
                    + $"in {store.Region}."
            );
    }

    /// <summary>
    /// A job has its document given or linked, not both; devices read it as JSON. A linked one lives in S3,
    /// which the simulator does not have, so only its link is kept.
    /// </summary>
    private static void Document(string? document, string? source)
    {
        if (document is null && source is null)
            throw ServiceError.InvalidRequest("A job needs its document: give document or documentSource.");
        if (document is not null && source is not null)
            throw ServiceError.InvalidRequest("Give the job's document or its documentSource, not both.");
        if (source is not null && !Uri.TryCreate(source, UriKind.Absolute, out _))
            throw ServiceError.InvalidRequest($"The documentSource {source} is not a URL of an S3 object.");
        if (document is null)
            return;
        try
        {
            using var json = JsonDocument.Parse(document);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
                return;
        }
        catch (JsonException) { }
        throw ServiceError.InvalidRequest("The job document is not a JSON document.");
    }

    /// <summary>
    /// schedulingConfig's times (YYYY-MM-DDTHH:MM, UTC), as the API reference bounds them: the start at least 30
    /// minutes and at most a year ahead, the end at least 30 minutes ahead and after the start, at most two years
    /// ahead. Returns when the job starts, or null when it has no startTime and so starts at once.
    /// </summary>
    private static DateTimeOffset? StartTime(JsonElement scheduling, DateTimeOffset now)
    {
        DateTimeOffset? start = Time(scheduling, "startTime"),
            end = Time(scheduling, "endTime");
        var halfHour = TimeSpan.FromMinutes(30);
        if (start < now + halfHour)
            throw ServiceError.InvalidRequest("The startTime must be at least 30 minutes from now.");
        if (start > now.AddYears(1))
            throw ServiceError.InvalidRequest("The startTime can be at most one year from now.");
        if (end < now + halfHour || end < start + halfHour)
            throw ServiceError.InvalidRequest(
                "The endTime must be at least 30 minutes from now and at least 30 minutes after the startTime."
            );
        if (end > now.AddYears(2))
            throw ServiceError.InvalidRequest("The endTime can be at most two years from now.");
        return start;
    }

    private static DateTimeOffset? Time(JsonElement scheduling, string name)
    {
        if (Text(scheduling, name, "schedulingConfig." + name) is not { } text)
            return null;
        string[] forms =
        [
            "yyyy-MM-dd'T'HH:mm",
            "yyyy-MM-dd'T'HH:mm:ss",
            "yyyy-MM-dd'T'HH:mm'Z'",
            "yyyy-MM-dd'T'HH:mm:ss'Z'",
        ];
        return DateTimeOffset.TryParseExact(
            text,
            forms,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out var at
        )
            ? at
            : throw ServiceError.InvalidRequest($"The {name} '{text}' is not a time of the form YYYY-MM-DDTHH:MM.");
    }

    [GeneratedRegex("^[a-zA-Z0-9:_-]+$")]
    private static partial Regex NamePattern();
}
