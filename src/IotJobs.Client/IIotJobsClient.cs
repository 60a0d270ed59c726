using System;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client.Model;

namespace IotJobs.Client
{
    /// <summary>
    /// The IoT Jobs operations this module uses (and the registry's ListThings), shaped like AWSSDK.IoT's
    /// IAmazonIoT so that an implementation over that SDK could replace ours, and the two facts of the connection
    /// that items are stamped with: where it goes and whose account it acts in. The cmdlets know the service only
    /// through this.
    /// </summary>
    public interface IIotJobsClient : IDisposable
    {
        /// <summary>The region and endpoint of every request this client sends.</summary>
        ServiceLocation Location { get; }

        /// <summary>
        /// The account the client's credentials belong to (STS GetCallerIdentity, asked once per client).
        /// </summary>
        Task<string> GetCallerAccountAsync(CancellationToken cancellationToken = default);

        Task<ListJobsResponse> ListJobsAsync(ListJobsRequest request, CancellationToken cancellationToken = default);
        Task<DescribeJobResponse> DescribeJobAsync(
            DescribeJobRequest request,
            CancellationToken cancellationToken = default
        );
        Task<GetJobDocumentResponse> GetJobDocumentAsync(
            GetJobDocumentRequest request,
            CancellationToken cancellationToken = default
        );
        Task<CancelJobResponse> CancelJobAsync(CancelJobRequest request, CancellationToken cancellationToken = default);
        Task<DeleteJobResponse> DeleteJobAsync(DeleteJobRequest request, CancellationToken cancellationToken = default);
        Task<ListJobExecutionsForJobResponse> ListJobExecutionsForJobAsync(
            ListJobExecutionsForJobRequest request,
            CancellationToken cancellationToken = default
        );
        Task<ListJobExecutionsForThingResponse> ListJobExecutionsForThingAsync(
            ListJobExecutionsForThingRequest request,
            CancellationToken cancellationToken = default
        );
        Task<DescribeJobExecutionResponse> DescribeJobExecutionAsync(
            DescribeJobExecutionRequest request,
            CancellationToken cancellationToken = default
        );
        Task<CancelJobExecutionResponse> CancelJobExecutionAsync(
            CancelJobExecutionRequest request,
            CancellationToken cancellationToken = default
        );
        Task<DeleteJobExecutionResponse> DeleteJobExecutionAsync(
            DeleteJobExecutionRequest request,
            CancellationToken cancellationToken = default
        );

        /// <summary>The registry's things (not an IoT Jobs operation): tab completion offers their names.</summary>
        Task<ListThingsResponse> ListThingsAsync(
            ListThingsRequest request,
            CancellationToken cancellationToken = default
        );
    }
}
