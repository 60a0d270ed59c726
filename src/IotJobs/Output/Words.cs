using System;
using System.Globalization;
using IotJobs.Client;
using IotJobs.Items;
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

    /// <summary>
    /// The progress bar's activity: "Removing jobs", "Stopping job executions"; for a dry run, what it does.
    /// </summary>
    public static string Activity(Change change, bool whatIf)
    {
        string items = change.Acts() == ItemKind.Job ? "jobs" : "job executions";
        // The console's minimal view gives the activity about 40 of 80 columns; the status needs the rest.
        return whatIf
            ? $"What if: checking {(change.Acts() == ItemKind.Job ? "jobs" : "executions")} (no change)"
            : (change.Stops() ? "Stopping " : "Removing ") + items;
    }

    /// <summary>
    /// The cmdlet that makes this change, or the same change of the other kind: "Stop-IotJobExecution".
    /// </summary>
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

    /// <summary>
    /// "in eu-west-1", or "in eu-west-1 at http://127.0.0.1:5055" when the endpoint is not the region's own.
    /// </summary>
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

    /// <summary>How to see an item as the service has it now: "Get-IotJob -JobId 'fw-7' -Region eu-west-1".</summary>
    public static string CheckCommand(ItemTarget target, ServiceLocation? where)
    {
        string place = where == null ? "" : $" -Region {where.Region}";
        return target.Kind == ItemKind.Job
            ? $"Get-IotJob -JobId '{target.JobId}'{place}"
            : $"Get-IotJobExecution -JobId '{target.JobId}' -ThingName '{target.ThingName}'"
                + (target.ExecutionNumber is long n ? $" -ExecutionNumber {Number(n)}" : "")
                + place;
    }

    /// <summary>The warning for an applied change whose -PassThru read failed.</summary>
    public static string ReadBackFailed(Change change, ItemTarget target, ServiceLocation where, string why) =>
        $"{Capitalized(Done(change))} {target.Subject}, but reading it back for -PassThru failed "
        + $"({why.TrimEnd('.')}), so it is not written; {CheckCommand(target, where)} shows it.";

    /// <summary>An item still unknown after the batch's last look: the error says so, and how to check it.</summary>
    public static Errors.Explanation StillUnknown(ItemTarget target, ServiceLocation where) =>
        new(
            "it was sent, and neither its answer nor a look at the item after the batch came back, so the service "
                + "may or may not have applied it",
            $"Check it before sending it again: {CheckCommand(target, where)}"
        );

    /// <summary>
    /// The warning when the wait after a batch (-Wait) fails: the changes stand, their completion is unknown.
    /// </summary>
    public static string FollowUpFailed(Change change, string? why) =>
        $"Every {Noun(change)} {Done(change)} above was accepted by the service, "
        + $"but waiting for the deletions to complete failed ({(why ?? "stopped").TrimEnd('.')}); "
        + "Get-IotJob -Status DELETION_IN_PROGRESS shows those still going.";
}
