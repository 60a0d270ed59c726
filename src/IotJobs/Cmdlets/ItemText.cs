using System.Globalization;
using IotJobs.Model;

namespace IotJobs.Cmdlets
{
    /// <summary>How items are named in prompts, What-if lines and error messages.</summary>
    internal static class ItemText
    {
        public static string Job(string jobId) => $"job '{jobId}'";

        public static string Execution(string jobId, string thingName, long? executionNumber = null) =>
            executionNumber.HasValue
                ? $"execution {executionNumber.Value.ToString(CultureInfo.InvariantCulture)} of job '{jobId}' on thing '{thingName}'"
                : $"the execution of job '{jobId}' on thing '{thingName}'";

        /// <summary>" (IN_PROGRESS, 1,204 executions)", or "" when nothing is known.</summary>
        public static string State(IotJob? job)
        {
            if (job == null) return "";
            return job.ProcessDetails == null
                ? $" ({job.Status})"
                : $" ({job.Status}, {job.ProcessDetails.Total.ToString("N0", CultureInfo.InvariantCulture)} executions)";
        }

        /// <summary>" (QUEUED, version 3)", or "" when nothing is known.</summary>
        public static string State(IotJobExecution? execution) =>
            execution == null ? "" : $" ({execution.Status}, version {execution.VersionNumber?.ToString(CultureInfo.InvariantCulture) ?? "?"})";
    }
}
