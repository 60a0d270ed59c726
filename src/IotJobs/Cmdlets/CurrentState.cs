using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Model;

namespace IotJobs.Cmdlets
{
    /// <summary>An item as the service has it now, in the shape the cmdlets write and show.</summary>
    internal static class CurrentState
    {
        public static async Task<IotJob> OfJobAsync(IIotJobsClient client, string jobId, CancellationToken ct) =>
            OutputMapper.ToJob((await client.DescribeJobAsync(new DescribeJobRequest { JobId = jobId }, ct).ConfigureAwait(false)).Job!);

        public static async Task<IotJobExecution> OfExecutionAsync(IIotJobsClient client, string jobId, string thingName, long? executionNumber, CancellationToken ct) =>
            OutputMapper.ToExecution((await client.DescribeJobExecutionAsync(
                new DescribeJobExecutionRequest { JobId = jobId, ThingName = thingName, ExecutionNumber = executionNumber }, ct).ConfigureAwait(false)).Execution!);
    }
}
