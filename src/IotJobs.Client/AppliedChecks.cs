using System;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client.Model;

namespace IotJobs.Client
{
    /// <summary>
    /// How to tell, after a change's answer was lost, that the service applied it: by reading the item. (Had the item
    /// been in that state already, the service would have refused the change; after a lost answer the two cannot be
    /// told apart, and the state asked for holds either way.)
    /// </summary>
    internal static class AppliedChecks
    {
        public static async Task<bool> JobCanceledAsync(IIotJobsClient client, string? jobId, CancellationToken ct) =>
            (await client.DescribeJobAsync(new DescribeJobRequest { JobId = jobId }, ct).ConfigureAwait(false))
                .Job
                ?.Status == "CANCELED";

        public static Task<bool> JobDeletedAsync(IIotJobsClient client, string? jobId, CancellationToken ct) =>
            Gone(async () =>
                (await client.DescribeJobAsync(new DescribeJobRequest { JobId = jobId }, ct).ConfigureAwait(false))
                    .Job
                    ?.Status == "DELETION_IN_PROGRESS"
            );

        public static async Task<bool> ExecutionCanceledAsync(
            IIotJobsClient client,
            string? jobId,
            string? thingName,
            CancellationToken ct
        ) =>
            (
                await client
                    .DescribeJobExecutionAsync(
                        new DescribeJobExecutionRequest { JobId = jobId, ThingName = thingName },
                        ct
                    )
                    .ConfigureAwait(false)
            )
                .Execution
                ?.Status == "CANCELED";

        /// <summary>An execution deleted is gone at once: there is no state on the way.</summary>
        public static Task<bool> ExecutionDeletedAsync(
            IIotJobsClient client,
            string? jobId,
            string? thingName,
            long? executionNumber,
            CancellationToken ct
        ) =>
            Gone(async () =>
            {
                var request = new DescribeJobExecutionRequest
                {
                    JobId = jobId,
                    ThingName = thingName,
                    ExecutionNumber = executionNumber,
                };
                await client.DescribeJobExecutionAsync(request, ct).ConfigureAwait(false);
                return false;
            });

        /// <summary>
        /// For deletions: applied when the item is gone, or when <paramref name="deleting"/> says it is on its way.
        /// </summary>
        private static async Task<bool> Gone(Func<Task<bool>> deleting)
        {
            try
            {
                return await deleting().ConfigureAwait(false);
            }
            catch (ResourceNotFoundException)
            {
                return true;
            }
        }
    }
}
