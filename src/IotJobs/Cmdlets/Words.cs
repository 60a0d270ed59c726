using System.Globalization;
using IotJobs.Cmdlets.Rules;
using IotJobs.Model;

namespace IotJobs.Cmdlets
{
    /// <summary>How items and changes are put in words, in What-if lines, prompts and error messages.</summary>
    internal static class Words
    {
        public static string Job(string jobId) => $"job '{jobId}'";

        public static string Execution(string jobId, string thingName, long? executionNumber = null) =>
            executionNumber.HasValue
                ? $"execution {executionNumber.Value.ToString(CultureInfo.InvariantCulture)} of job '{jobId}' on thing '{thingName}'"
                : $"the execution of job '{jobId}' on thing '{thingName}'";

        /// <summary>The verb of a change, as in "Cannot stop job 'fw-7'".</summary>
        public static string Verb(Change change) =>
            change == Change.CancelJob || change == Change.CancelJobExecution ? "stop" : "remove";

        /// <summary>" (IN_PROGRESS, 1,204 executions)", " (QUEUED, version 3)", or "" when nothing is known.</summary>
        public static string State(IotJobsItem? item)
        {
            switch (item)
            {
                case IotJob job when job.Status != null:
                    if (job.ProcessDetails == null)
                        return $" ({job.Status})";
                    int total = job.ProcessDetails.Total;
                    return $" ({job.Status}, {total.ToString("N0", CultureInfo.InvariantCulture)} execution{(total == 1 ? "" : "s")})";
                case IotJobExecution execution when execution.Status != null:
                    return execution.VersionNumber.HasValue
                        ? $" ({execution.Status}, version {execution.VersionNumber.Value.ToString(CultureInfo.InvariantCulture)})"
                        : $" ({execution.Status})";
                default:
                    return "";
            }
        }

        /// <summary>"in eu-west-1", or "in eu-west-1 at http://127.0.0.1:5055" when the endpoint is not the region's own.</summary>
        public static string Place(string? region, string? endpointUrl) =>
            endpointUrl == null
            || region == null
            || endpointUrl.StartsWith($"https://iot.{region}.", System.StringComparison.OrdinalIgnoreCase)
                ? $"in {region ?? "an unknown region"}"
                : $"in {region} at {endpointUrl}";
    }
}
