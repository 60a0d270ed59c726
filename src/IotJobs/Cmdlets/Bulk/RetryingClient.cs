using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;
using IotJobs.Client.Model;

namespace IotJobs.Cmdlets.Bulk
{
    /// <summary>
    /// Gives every call the item-level <see cref="TransientRetry"/>, call by call: an item that
    /// cancels and then describes never sends its accepted cancel again because the describe failed.
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

        public Task<ListJobsResponse> ListJobsAsync(ListJobsRequest request, CancellationToken cancellationToken = default) =>
            TransientRetry.RunAsync(() => inner.ListJobsAsync(request, cancellationToken), cancellationToken);

        public Task<DescribeJobResponse> DescribeJobAsync(DescribeJobRequest request, CancellationToken cancellationToken = default) =>
            TransientRetry.RunAsync(() => inner.DescribeJobAsync(request, cancellationToken), cancellationToken);

        public Task<CancelJobResponse> CancelJobAsync(CancelJobRequest request, CancellationToken cancellationToken = default) =>
            TransientRetry.RunAsync(() => inner.CancelJobAsync(request, cancellationToken), cancellationToken);

        public Task<DeleteJobResponse> DeleteJobAsync(DeleteJobRequest request, CancellationToken cancellationToken = default) =>
            TransientRetry.RunAsync(() => inner.DeleteJobAsync(request, cancellationToken), cancellationToken);

        public Task<ListJobExecutionsForJobResponse> ListJobExecutionsForJobAsync(ListJobExecutionsForJobRequest request, CancellationToken cancellationToken = default) =>
            TransientRetry.RunAsync(() => inner.ListJobExecutionsForJobAsync(request, cancellationToken), cancellationToken);

        public Task<ListJobExecutionsForThingResponse> ListJobExecutionsForThingAsync(ListJobExecutionsForThingRequest request, CancellationToken cancellationToken = default) =>
            TransientRetry.RunAsync(() => inner.ListJobExecutionsForThingAsync(request, cancellationToken), cancellationToken);

        public Task<DescribeJobExecutionResponse> DescribeJobExecutionAsync(DescribeJobExecutionRequest request, CancellationToken cancellationToken = default) =>
            TransientRetry.RunAsync(() => inner.DescribeJobExecutionAsync(request, cancellationToken), cancellationToken);

        public Task<CancelJobExecutionResponse> CancelJobExecutionAsync(CancelJobExecutionRequest request, CancellationToken cancellationToken = default) =>
            TransientRetry.RunAsync(() => inner.CancelJobExecutionAsync(request, cancellationToken), cancellationToken);

        public Task<DeleteJobExecutionResponse> DeleteJobExecutionAsync(DeleteJobExecutionRequest request, CancellationToken cancellationToken = default) =>
            TransientRetry.RunAsync(() => inner.DeleteJobExecutionAsync(request, cancellationToken), cancellationToken);

        public void Dispose()
        {
            if (ownsInner) inner.Dispose();
        }
    }
}
