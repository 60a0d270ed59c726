using System;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;
using IotJobs.Client.Model;

namespace IotJobs.Cmdlets.Bulk
{
    /// <summary>
    /// Gives every call the item-level <see cref="TransientRetry"/>, call by call: an item that
    /// cancels and then describes never sends its accepted cancel again because the describe failed.
    /// A change whose answer was lost is sent again only after a look at the item shows it was not
    /// applied; if it was, the change counts as done. (Had the item been in that state already, the
    /// service would have refused the change; after a lost answer the two cannot be told apart, and
    /// the state asked for holds either way.)
    /// </summary>
    internal sealed class RetryingClient : IIotJobsClient
    {
        private readonly IIotJobsClient inner;
        private readonly bool ownsInner;

        public RetryingClient(IIotJobsClient inner, bool ownsInner)
        {
            this.inner = inner;
            this.ownsInner = ownsInner;
        }

        public ServiceLocation Location => inner.Location;

        public Task<string> GetCallerAccountAsync(CancellationToken cancellationToken = default) =>
            TransientRetry.RunAsync(() => inner.GetCallerAccountAsync(cancellationToken), cancellationToken);

        public Task<ListJobsResponse> ListJobsAsync(ListJobsRequest request, CancellationToken cancellationToken = default) =>
            TransientRetry.RunAsync(() => inner.ListJobsAsync(request, cancellationToken), cancellationToken);

        public Task<DescribeJobResponse> DescribeJobAsync(DescribeJobRequest request, CancellationToken cancellationToken = default) =>
            TransientRetry.RunAsync(() => inner.DescribeJobAsync(request, cancellationToken), cancellationToken);

        public Task<CancelJobResponse> CancelJobAsync(CancelJobRequest request, CancellationToken cancellationToken = default) =>
            Change(() => inner.CancelJobAsync(request, cancellationToken),
                async () => (await DescribeJobAsync(new DescribeJobRequest { JobId = request.JobId }, cancellationToken).ConfigureAwait(false)).Job?.Status == "CANCELED",
                () => new CancelJobResponse { JobId = request.JobId },
                cancellationToken);

        public Task<DeleteJobResponse> DeleteJobAsync(DeleteJobRequest request, CancellationToken cancellationToken = default) =>
            Change(() => inner.DeleteJobAsync(request, cancellationToken),
                () => Gone(async () => (await DescribeJobAsync(new DescribeJobRequest { JobId = request.JobId }, cancellationToken).ConfigureAwait(false)).Job?.Status == "DELETION_IN_PROGRESS"),
                () => new DeleteJobResponse(),
                cancellationToken);

        public Task<ListJobExecutionsForJobResponse> ListJobExecutionsForJobAsync(ListJobExecutionsForJobRequest request, CancellationToken cancellationToken = default) =>
            TransientRetry.RunAsync(() => inner.ListJobExecutionsForJobAsync(request, cancellationToken), cancellationToken);

        public Task<ListJobExecutionsForThingResponse> ListJobExecutionsForThingAsync(ListJobExecutionsForThingRequest request, CancellationToken cancellationToken = default) =>
            TransientRetry.RunAsync(() => inner.ListJobExecutionsForThingAsync(request, cancellationToken), cancellationToken);

        public Task<DescribeJobExecutionResponse> DescribeJobExecutionAsync(DescribeJobExecutionRequest request, CancellationToken cancellationToken = default) =>
            TransientRetry.RunAsync(() => inner.DescribeJobExecutionAsync(request, cancellationToken), cancellationToken);

        public Task<CancelJobExecutionResponse> CancelJobExecutionAsync(CancelJobExecutionRequest request, CancellationToken cancellationToken = default) =>
            Change(() => inner.CancelJobExecutionAsync(request, cancellationToken),
                async () => (await DescribeJobExecutionAsync(new DescribeJobExecutionRequest { JobId = request.JobId, ThingName = request.ThingName }, cancellationToken)
                    .ConfigureAwait(false)).Execution?.Status == "CANCELED",
                () => new CancelJobExecutionResponse(),
                cancellationToken);

        public Task<DeleteJobExecutionResponse> DeleteJobExecutionAsync(DeleteJobExecutionRequest request, CancellationToken cancellationToken = default) =>
            Change(() => inner.DeleteJobExecutionAsync(request, cancellationToken),
                () => Gone(async () =>
                {
                    await DescribeJobExecutionAsync(new DescribeJobExecutionRequest { JobId = request.JobId, ThingName = request.ThingName, ExecutionNumber = request.ExecutionNumber }, cancellationToken).ConfigureAwait(false);
                    return false;
                }),
                () => new DeleteJobExecutionResponse(),
                cancellationToken);

        /// <summary>Sends a change; after a lost answer, counts it done if <paramref name="applied"/> says so, else sends it again.</summary>
        private static Task<T> Change<T>(Func<Task<T>> send, Func<Task<bool>> applied, Func<T> done, CancellationToken cancellationToken) =>
            TransientRetry.RunAsync(async () =>
            {
                try
                {
                    return await send().ConfigureAwait(false);
                }
                catch (AnswerLostException)
                {
                    if (await applied().ConfigureAwait(false)) return done();
                    throw;
                }
            }, cancellationToken);

        /// <summary>For deletions: applied when the item is gone, or when <paramref name="deleting"/> says it is on its way.</summary>
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

        public void Dispose()
        {
            if (ownsInner) inner.Dispose();
        }
    }
}
