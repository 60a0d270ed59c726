using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using IotJobs.Client.Model;
using IotJobs.Client.Wire;

namespace IotJobs.Client
{
    /// <summary>
    /// IoT Jobs over AWSSDK.Core: SigV4 signing, the standard credential and region chain,
    /// clock-skew correction and Standard-mode retries come from the SDK pipeline.
    /// </summary>
    public sealed class IotJobsClient : AmazonServiceClient, IIotJobsClient
    {
        private readonly AWSCredentials credentials;
        private Task<string>? callerAccount;

        /// <param name="credentials">Who signs the requests.</param>
        /// <param name="config">Where they go: its ServiceURL, else its RegionEndpoint; one of them must be set.</param>
        public IotJobsClient(AWSCredentials credentials, IotJobsClientConfig config)
            : base(credentials, config)
        {
            this.credentials = credentials;
            Location = config.Location();
        }

        public ServiceLocation Location { get; }

        public Task<string> GetCallerAccountAsync(CancellationToken cancellationToken = default)
        {
            // Asked once per client: every item of a command that uses this client shares the answer.
            var asked = callerAccount;
            if (asked == null || asked.IsFaulted || asked.IsCanceled)
                callerAccount = asked = CallerIdentity.AccountOfAsync(credentials, Location, cancellationToken);
            return asked;
        }

        protected override IServiceMetadata ServiceMetadata { get; } = new IotServiceMetadata();

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            base.CustomizeRuntimePipeline(pipeline);
            pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthResolver());
            pipeline.ReplaceHandler<RetryHandler>(new RetryHandler(new IotRetryPolicy(Config)));
            var config = (IotJobsClientConfig)Config;
            pipeline.AddHandlerAfter<RetryHandler>(new AttemptHandler(config.PaceRequests, config.ObserveAttempt));
        }

        public Task<ListJobsResponse> ListJobsAsync(ListJobsRequest request, CancellationToken cancellationToken = default) =>
            Call(request, WireRequests.ListJobs, WireResponses.ListJobs, cancellationToken);

        public Task<DescribeJobResponse> DescribeJobAsync(DescribeJobRequest request, CancellationToken cancellationToken = default) =>
            Call(request, WireRequests.DescribeJob, WireResponses.DescribeJob, cancellationToken);

        public Task<CancelJobResponse> CancelJobAsync(CancelJobRequest request, CancellationToken cancellationToken = default) =>
            Call(request, WireRequests.CancelJob, WireResponses.CancelJob, cancellationToken);

        public Task<DeleteJobResponse> DeleteJobAsync(DeleteJobRequest request, CancellationToken cancellationToken = default) =>
            Call<DeleteJobRequest, DeleteJobResponse>(request, WireRequests.DeleteJob, null, cancellationToken);

        public Task<ListJobExecutionsForJobResponse> ListJobExecutionsForJobAsync(ListJobExecutionsForJobRequest request, CancellationToken cancellationToken = default) =>
            Call(request, WireRequests.ListJobExecutionsForJob, WireResponses.ListJobExecutionsForJob, cancellationToken);

        public Task<ListJobExecutionsForThingResponse> ListJobExecutionsForThingAsync(ListJobExecutionsForThingRequest request, CancellationToken cancellationToken = default) =>
            Call(request, WireRequests.ListJobExecutionsForThing, WireResponses.ListJobExecutionsForThing, cancellationToken);

        public Task<DescribeJobExecutionResponse> DescribeJobExecutionAsync(DescribeJobExecutionRequest request, CancellationToken cancellationToken = default) =>
            Call(request, WireRequests.DescribeJobExecution, WireResponses.DescribeJobExecution, cancellationToken);

        public Task<CancelJobExecutionResponse> CancelJobExecutionAsync(CancelJobExecutionRequest request, CancellationToken cancellationToken = default) =>
            Call<CancelJobExecutionRequest, CancelJobExecutionResponse>(request, WireRequests.CancelJobExecution, null, cancellationToken);

        public Task<DeleteJobExecutionResponse> DeleteJobExecutionAsync(DeleteJobExecutionRequest request, CancellationToken cancellationToken = default) =>
            Call<DeleteJobExecutionRequest, DeleteJobExecutionResponse>(request, WireRequests.DeleteJobExecution, null, cancellationToken);

        private Task<TResponse> Call<TRequest, TResponse>(
            TRequest request,
            Func<TRequest, IRequest> marshall,
            Func<JsonElement, TResponse>? read,
            CancellationToken cancellationToken)
            where TRequest : AmazonWebServiceRequest
            where TResponse : AmazonWebServiceResponse, new()
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var options = new InvokeOptions
            {
                RequestMarshaller = new RequestMarshaller<TRequest>(marshall),
                ResponseUnmarshaller = new OperationUnmarshaller<TResponse>(read),
            };
            return WithLostAnswersNamed(InvokeAsync<TResponse>(request, options, cancellationToken), request);
        }

        /// <summary>A change that failed without an answer surfaces as <see cref="AnswerLostException"/>.</summary>
        private static async Task<TResponse> WithLostAnswersNamed<TResponse>(Task<TResponse> call, AmazonWebServiceRequest request)
        {
            try
            {
                return await call.ConfigureAwait(false);
            }
            catch (Exception e) when (IsChange(request) && !(e is AmazonServiceException) && !(e is OperationCanceledException) && !(e is ArgumentException))
            {
                throw new AnswerLostException(request.GetType().Name.Replace("Request", ""), e);
            }
        }

        private static bool IsChange(AmazonWebServiceRequest request) =>
            request is CancelJobRequest || request is DeleteJobRequest || request is CancelJobExecutionRequest || request is DeleteJobExecutionRequest;

        private sealed class IotServiceMetadata : IServiceMetadata
        {
            public string ServiceId => IotJobsClientConfig.ServiceIdentifier;

            public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
        }
    }
}
