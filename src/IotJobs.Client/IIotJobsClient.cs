using System;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client.Model;

namespace IotJobs.Client
{
    /// <summary>
    /// The nine IoT Jobs operations this module uses, shaped like AWSSDK.IoT's IAmazonIoT so that
    /// an implementation over that SDK could replace ours. The cmdlets know the service only through this.
    /// </summary>
    public interface IIotJobsClient : IDisposable
    {
        Task<ListJobsResponse> ListJobsAsync(ListJobsRequest request, CancellationToken cancellationToken = default);
        Task<DescribeJobResponse> DescribeJobAsync(DescribeJobRequest request, CancellationToken cancellationToken = default);
        Task<CancelJobResponse> CancelJobAsync(CancelJobRequest request, CancellationToken cancellationToken = default);
        Task<DeleteJobResponse> DeleteJobAsync(DeleteJobRequest request, CancellationToken cancellationToken = default);
        Task<ListJobExecutionsForJobResponse> ListJobExecutionsForJobAsync(ListJobExecutionsForJobRequest request, CancellationToken cancellationToken = default);
        Task<ListJobExecutionsForThingResponse> ListJobExecutionsForThingAsync(ListJobExecutionsForThingRequest request, CancellationToken cancellationToken = default);
        Task<DescribeJobExecutionResponse> DescribeJobExecutionAsync(DescribeJobExecutionRequest request, CancellationToken cancellationToken = default);
        Task<CancelJobExecutionResponse> CancelJobExecutionAsync(CancelJobExecutionRequest request, CancellationToken cancellationToken = default);
        Task<DeleteJobExecutionResponse> DeleteJobExecutionAsync(DeleteJobExecutionRequest request, CancellationToken cancellationToken = default);
    }
}
