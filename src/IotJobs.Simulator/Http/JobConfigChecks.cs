using System.Text.Json;
using static IotJobs.Simulator.Http.ModelConstraints;

namespace IotJobs.Simulator.Http;

/// <summary>
/// The model's constraints on CreateJob's configuration structures (PresignedUrlConfig, JobExecutionsRolloutConfig,
/// AbortConfig, TimeoutConfig, JobExecutionsRetryConfig, SchedulingConfig, Tag), member by member as the API model
/// gives them.
/// </summary>
internal static class JobConfigChecks
{
    private const string ArnPattern = "^arn:[!-~]+$";

    public static void Check(ModelConstraints c, JsonElement request)
    {
        if (Structure(request, "presignedUrlConfig", "presignedUrlConfig") is { } presigned)
        {
            c.Length(Text(presigned, "roleArn", "presignedUrlConfig.roleArn"), "presignedUrlConfig.roleArn", 20, 2048);
            c.Range(
                Number(presigned, "expiresInSec", "presignedUrlConfig.expiresInSec"),
                "presignedUrlConfig.expiresInSec",
                60,
                3600
            );
        }
        if (Structure(request, "jobExecutionsRolloutConfig", "jobExecutionsRolloutConfig") is { } rollout)
            Rollout(c, rollout, "jobExecutionsRolloutConfig");
        if (Structure(request, "abortConfig", "abortConfig") is { } abort)
            Abort(c, abort, "abortConfig");
        if (Structure(request, "timeoutConfig", "timeoutConfig") is { } timeout)
            Number(timeout, "inProgressTimeoutInMinutes", "timeoutConfig.inProgressTimeoutInMinutes");
        if (Structure(request, "jobExecutionsRetryConfig", "jobExecutionsRetryConfig") is { } retry)
            Retry(c, retry, "jobExecutionsRetryConfig");
        if (Structure(request, "schedulingConfig", "schedulingConfig") is { } scheduling)
            Scheduling(c, scheduling, "schedulingConfig");
        Each(c, request, "tags", (tag, path) =>
        {
            string? key = Text(tag, "Key", path + ".Key");
            c.Required(key, path + ".Key");
            c.Length(key, path + ".Key", 1, 128);
            c.Pattern(key, path + ".Key", @"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$");
            c.Length(Text(tag, "Value", path + ".Value"), path + ".Value", 0, 256);
        });
        string? template = Text(request, "jobTemplateArn", "jobTemplateArn");
        c.Length(template, "jobTemplateArn", 1, 1600);
        c.Pattern(template, "jobTemplateArn", ArnPattern);
        if (Structure(request, "documentParameters", "documentParameters") is { } parameters)
            foreach (var p in parameters.EnumerateObject())
            {
                string path = "documentParameters." + p.Name;
                c.Length(p.Name, path, 1, 128);
                c.Pattern(p.Name, path, "[a-zA-Z0-9_-]+");
                string? value = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null;
                c.Required(value, path);
                c.Length(value, path, 1, 30720);
                c.Pattern(value, path, @"[^\p{C}]+");
            }
        var packages = List(request, "destinationPackageVersions", "destinationPackageVersions");
        foreach (var (arn, i) in (packages ?? []).Select((p, i) => (p, i + 1)))
        {
            string path = $"destinationPackageVersions.{i}.member";
            string? text = arn.ValueKind == JsonValueKind.String ? arn.GetString() : null;
            c.Required(text, path);
            c.Length(text, path, 1, 1600);
            c.Pattern(text, path, ArnPattern);
        }
    }

    private static void Rollout(ModelConstraints c, JsonElement rollout, string at)
    {
        c.Range(Number(rollout, "maximumPerMinute", at + ".maximumPerMinute"), at + ".maximumPerMinute", 1);
        if (Structure(rollout, "exponentialRate", at + ".exponentialRate") is not { } rate)
            return;
        at += ".exponentialRate";
        double? basePerMinute = Number(rate, "baseRatePerMinute", at + ".baseRatePerMinute"),
            factor = Number(rate, "incrementFactor", at + ".incrementFactor");
        c.Required(basePerMinute, at + ".baseRatePerMinute");
        c.Range(basePerMinute, at + ".baseRatePerMinute", 1, 1000);
        c.Required(factor, at + ".incrementFactor");
        c.Range(factor, at + ".incrementFactor", 1.1, 5);
        var criteria = Structure(rate, "rateIncreaseCriteria", at + ".rateIncreaseCriteria");
        c.Required(criteria, at + ".rateIncreaseCriteria");
        if (criteria is not { } increase)
            return;
        foreach (string name in new[] { "numberOfNotifiedThings", "numberOfSucceededThings" })
        {
            string path = $"{at}.rateIncreaseCriteria.{name}";
            c.Range(Number(increase, name, path), path, 1);
        }
    }

    private static void Abort(ModelConstraints c, JsonElement abort, string at) =>
        Each(
            c,
            abort,
            "criteriaList",
            (criteria, path) =>
            {
                string? failure = Text(criteria, "failureType", path + ".failureType"),
                    action = Text(criteria, "action", path + ".action");
                double? threshold = Number(criteria, "thresholdPercentage", path + ".thresholdPercentage"),
                    executed = Number(criteria, "minNumberOfExecutedThings", path + ".minNumberOfExecutedThings");
                c.Required(failure, path + ".failureType");
                c.OneOf(failure, path + ".failureType", "FAILED", "REJECTED", "TIMED_OUT", "ALL");
                c.Required(action, path + ".action");
                c.OneOf(action, path + ".action", "CANCEL");
                c.Required(threshold, path + ".thresholdPercentage");
                c.Range(threshold, path + ".thresholdPercentage", max: 100);
                c.Required(executed, path + ".minNumberOfExecutedThings");
                c.Range(executed, path + ".minNumberOfExecutedThings", 1);
            },
            at,
            required: true,
            min: 1
        );

    private static void Retry(ModelConstraints c, JsonElement retry, string at) =>
        Each(
            c,
            retry,
            "criteriaList",
            (criteria, path) =>
            {
                string? failure = Text(criteria, "failureType", path + ".failureType");
                double? retries = Number(criteria, "numberOfRetries", path + ".numberOfRetries");
                c.Required(failure, path + ".failureType");
                c.OneOf(failure, path + ".failureType", "FAILED", "TIMED_OUT", "ALL");
                c.Required(retries, path + ".numberOfRetries");
                c.Range(retries, path + ".numberOfRetries", 0, 10);
            },
            at,
            required: true,
            min: 1,
            max: 2
        );

    private static void Scheduling(ModelConstraints c, JsonElement scheduling, string at)
    {
        foreach (string name in new[] { "startTime", "endTime" })
            c.Length(Text(scheduling, name, $"{at}.{name}"), $"{at}.{name}", 1, 64);
        c.OneOf(
            Text(scheduling, "endBehavior", at + ".endBehavior"),
            at + ".endBehavior",
            "STOP_ROLLOUT",
            "CANCEL",
            "FORCE_CANCEL"
        );
        Each(
            c,
            scheduling,
            "maintenanceWindows",
            (window, path) =>
            {
                string? cron = Text(window, "startTime", path + ".startTime");
                double? minutes = Number(window, "durationInMinutes", path + ".durationInMinutes");
                c.Required(cron, path + ".startTime");
                c.Length(cron, path + ".startTime", 1, 256);
                c.Required(minutes, path + ".durationInMinutes");
                c.Range(minutes, path + ".durationInMinutes", 1, 1430);
            },
            at
        );
    }

    /// <summary>Checks each structure of the list <paramref name="name"/> of <paramref name="parent"/>.</summary>
    private static void Each(
        ModelConstraints c,
        JsonElement parent,
        string name,
        Action<JsonElement, string> check,
        string? at = null,
        bool required = false,
        int min = 0,
        int? max = null
    )
    {
        string path = at is null ? name : $"{at}.{name}";
        var list = List(parent, name, path);
        if (required)
            c.Required(list, path);
        c.Count(list, path, min, max);
        foreach (var (member, i) in (list ?? []).Select((m, i) => (m, i + 1)))
        {
            if (member.ValueKind != JsonValueKind.Object)
                throw ServiceError.InvalidRequest($"The value at '{path}.{i}.member' must be an object.");
            check(member, $"{path}.{i}.member");
        }
    }
}
