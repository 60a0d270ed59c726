using System;
using System.Globalization;
using IotJobs.Model;
using IotJobs.Rules;

namespace IotJobs.Output;

/// <summary>How items and changes are put in words, in What-if lines, prompts, progress and error messages.</summary>
internal static class Words
{
    public static string Job(string jobId) => $"job '{jobId}'";

    public static string Execution(string jobId, string thingName, long? executionNumber = null) =>
        executionNumber.HasValue
            ? $"execution {Number(executionNumber.Value)} of job '{jobId}' on thing '{thingName}'"
            : $"the execution of job '{jobId}' on thing '{thingName}'";

    /// <summary>The verb of a change, as in "Cannot stop job 'fw-7'".</summary>
    public static string Verb(Change change) => change.Stops() ? "stop" : "remove";

    /// <summary>What a changed item is, in a summary: "stopped", "removed".</summary>
    public static string Done(Change change) => change.Stops() ? "stopped" : "removed";

    /// <summary>What the change acts on, counted: "job", "execution".</summary>
    public static string Noun(Change change) => change.Acts() == ItemKind.Job ? "job" : "execution";

    /// <summary>The progress bar's activity: "Removing jobs", "Stopping job executions".</summary>
    public static string Activity(Change change) =>
        (change.Stops() ? "Stopping " : "Removing ") + (change.Acts() == ItemKind.Job ? "jobs" : "job executions");

    /// <summary>The cmdlet that makes this change, or the same change of the other kind: "Stop-IotJobExecution".</summary>
    public static string Cmdlet(Change change, ItemKind kind) =>
        (change.Stops() ? "Stop-" : "Remove-") + (kind == ItemKind.Job ? "IotJob" : "IotJobExecution");

    /// <summary>" (IN_PROGRESS, 1,204 executions)", " (QUEUED, version 3)", or "" when nothing is known.</summary>
    public static string State(IotJobsItem? item)
    {
        switch (item)
        {
            case IotJob job when job.Status != null:
                if (job.ProcessDetails == null)
                    return $" ({job.Status})";
                int total = job.ProcessDetails.Total;
                string executions = total.ToString("N0", CultureInfo.InvariantCulture);
                return $" ({job.Status}, {executions} execution{(total == 1 ? "" : "s")})";
            case IotJobExecution execution when execution.Status != null:
                return execution.VersionNumber.HasValue
                    ? $" ({execution.Status}, version {Number(execution.VersionNumber.Value)})"
                    : $" ({execution.Status})";
            default:
                return "";
        }
    }

    /// <summary>"in eu-west-1", or "in eu-west-1 at http://127.0.0.1:5055" when the endpoint is not the region's own.</summary>
    public static string Place(string? region, string? endpointUrl) =>
        endpointUrl == null
        || region == null
        || endpointUrl.StartsWith($"https://iot.{region}.", StringComparison.OrdinalIgnoreCase)
            ? $"in {region ?? "an unknown region"}"
            : $"in {region} at {endpointUrl}";

    /// <summary>"Remove job 'fw-7'", for a What-if line or prompt, from its lower-case form.</summary>
    public static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    public static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
