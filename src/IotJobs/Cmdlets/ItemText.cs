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
            if (job.ProcessDetails == null) return $" ({job.Status})";
            int total = job.ProcessDetails.Total;
            return $" ({job.Status}, {total.ToString("N0", CultureInfo.InvariantCulture)} execution{(total == 1 ? "" : "s")})";
        }

        /// <summary>Warns in a What-if line or prompt that the service will refuse the item as asked.</summary>
        public static string RefusedWithoutForce(bool refused) =>
            refused ? "; it is not finished, so the service will refuse it without -Force" : "";

        /// <summary>" (QUEUED, version 3)", or "" when nothing is known.</summary>
        public static string State(IotJobExecution? execution) =>
            execution == null ? "" : $" ({execution.Status}, version {execution.VersionNumber?.ToString(CultureInfo.InvariantCulture) ?? "?"})";
    }
}
