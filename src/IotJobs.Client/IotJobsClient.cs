using System;
using System.Collections.Generic;
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
    /// IoT Jobs over AWSSDK.Core: SigV4 signing, the standard credential and region chain and clock-skew
    /// correction come from the SDK pipeline; every call goes through <see cref="ResiliencePolicy"/>.
    /// </summary>
    internal sealed class IotJobsClient : AmazonServiceClient, IIotJobsClient
    {
        private readonly AWSCredentials credentials;
        private readonly Action<ResilienceStep>? observeStep;
        private readonly ResiliencePolicy policy;
        private Task<string>? callerAccount;

        /// <param name="credentials">Who signs the requests.</param>
        /// <param name="config">
        /// Where they go: its ServiceURL, else its RegionEndpoint; one of them must be set. Its Options are the
        /// clock, waits and pacers the client runs on.
        /// </param>
        public IotJobsClient(AWSCredentials credentials, IotJobsClientConfig config)
            : base(credentials, config)
        {
            this.credentials = credentials;
            observeStep = config.ObserveStep;
            Options = config.Options;
            policy = new ResiliencePolicy(Options);
            Location = config.Location();
        }

        public ServiceLocation Location { get; }

        /// <summary>The clock, waits and pacers this client runs on (its configuration's).</summary>
        internal IotJobsClientOptions Options { get; }

        public Task<string> GetCallerAccountAsync(CancellationToken cancellationToken = default)
        {
            // Asked once per client: every item of a command that uses this client shares the answer.
            var asked = callerAccount;
            if (asked == null || asked.IsFaulted || asked.IsCanceled)
            {
                callerAccount = asked = policy.RunAsync(
                    Operation.GetCallerIdentity,
                    Location,
                    _ => CallerIdentity.AccountOfAsync(credentials, Location, cancellationToken),
                    null,
                    null,
                    observeStep,
                    cancellationToken
                );
            }
            return asked;
        }

        protected override IServiceMetadata ServiceMetadata { get; } = new IotServiceMetadata();

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            base.CustomizeRuntimePipeline(pipeline);
            pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthResolver());
            var config = (IotJobsClientConfig)Config;
            // Called from the base constructor: this class's own fields are not set yet, the configuration is.
            var options = config.Options;
            pipeline.AddHandlerAfter<RetryHandler>(
                new AttemptHandler(config.PaceRequests ? options.Pacers : null, options.Time, config.ObserveAttempt)
            );
        }

        public Task<ListJobsResponse> ListJobsAsync(
            ListJobsRequest request,
            CancellationToken cancellationToken = default
        ) => Read(Operation.ListJobs, request, WireRequests.ListJobs, WireResponses.ListJobs, cancellationToken);

        public Task<DescribeJobResponse> DescribeJobAsync(
            DescribeJobRequest request,
            CancellationToken cancellationToken = default
        ) =>
            Read(
                Operation.DescribeJob,
                request,
                WireRequests.DescribeJob,
                WireResponses.DescribeJob,
                cancellationToken
            );

        public Task<GetJobDocumentResponse> GetJobDocumentAsync(
            GetJobDocumentRequest request,
            CancellationToken cancellationToken = default
        ) =>
            Read(
                Operation.GetJobDocument,
                request,
                WireRequests.GetJobDocument,
                WireResponses.GetJobDocument,
                cancellationToken
            );

        public Task<ListJobExecutionsForJobResponse> ListJobExecutionsForJobAsync(
            ListJobExecutionsForJobRequest request,
            CancellationToken cancellationToken = default
        ) =>
            Read(
                Operation.ListJobExecutionsForJob,
                request,
                WireRequests.ListJobExecutionsForJob,
                WireResponses.ListJobExecutionsForJob,
                cancellationToken
            );

        public Task<ListJobExecutionsForThingResponse> ListJobExecutionsForThingAsync(
            ListJobExecutionsForThingRequest request,
            CancellationToken cancellationToken = default
        ) =>
            Read(
                Operation.ListJobExecutionsForThing,
                request,
                WireRequests.ListJobExecutionsForThing,
                WireResponses.ListJobExecutionsForThing,
                cancellationToken
            );

        public Task<DescribeJobExecutionResponse> DescribeJobExecutionAsync(
            DescribeJobExecutionRequest request,
            CancellationToken cancellationToken = default
        ) =>
            Read(
                Operation.DescribeJobExecution,
                request,
                WireRequests.DescribeJobExecution,
                WireResponses.DescribeJobExecution,
                cancellationToken
            );

        // Each change says how to tell, after a lost answer, that it was applied. (Had the item been in that state
        // already, the service would have refused the change; after a lost answer the two cannot be told apart,
        // and the state asked for holds either way.)

        public Task<CancelJobResponse> CancelJobAsync(
            CancelJobRequest request,
            CancellationToken cancellationToken = default
        ) =>
            Change(
                Operation.CancelJob,
                request,
                WireRequests.CancelJob,
                WireResponses.CancelJob,
                async () =>
                    (
                        await DescribeJobAsync(new DescribeJobRequest { JobId = request.JobId }, cancellationToken)
                            .ConfigureAwait(false)
                    )
                        .Job
                        ?.Status == "CANCELED",
                () => new CancelJobResponse { JobId = request.JobId },
                cancellationToken
            );

        public Task<DeleteJobResponse> DeleteJobAsync(
            DeleteJobRequest request,
            CancellationToken cancellationToken = default
        ) =>
            Change<DeleteJobRequest, DeleteJobResponse>(
                Operation.DeleteJob,
                request,
                WireRequests.DeleteJob,
                null,
                () =>
                    Gone(async () =>
                        (
                            await DescribeJobAsync(new DescribeJobRequest { JobId = request.JobId }, cancellationToken)
                                .ConfigureAwait(false)
                        )
                            .Job
                            ?.Status == "DELETION_IN_PROGRESS"
                    ),
                () => new DeleteJobResponse(),
                cancellationToken
            );

        public Task<CancelJobExecutionResponse> CancelJobExecutionAsync(
            CancelJobExecutionRequest request,
            CancellationToken cancellationToken = default
        ) =>
            Change<CancelJobExecutionRequest, CancelJobExecutionResponse>(
                Operation.CancelJobExecution,
                request,
                WireRequests.CancelJobExecution,
                null,
                async () =>
                    (
                        await DescribeJobExecutionAsync(
                                new DescribeJobExecutionRequest
                                {
                                    JobId = request.JobId,
                                    ThingName = request.ThingName,
                                },
                                cancellationToken
                            )
                            .ConfigureAwait(false)
                    )
                        .Execution
                        ?.Status == "CANCELED",
                () => new CancelJobExecutionResponse(),
                cancellationToken
            );

        public Task<DeleteJobExecutionResponse> DeleteJobExecutionAsync(
            DeleteJobExecutionRequest request,
            CancellationToken cancellationToken = default
        ) =>
            Change<DeleteJobExecutionRequest, DeleteJobExecutionResponse>(
                Operation.DeleteJobExecution,
                request,
                WireRequests.DeleteJobExecution,
                null,
                () =>
                    Gone(async () =>
                    {
                        await DescribeJobExecutionAsync(
                                new DescribeJobExecutionRequest
                                {
                                    JobId = request.JobId,
                                    ThingName = request.ThingName,
                                    ExecutionNumber = request.ExecutionNumber,
                                },
                                cancellationToken
                            )
                            .ConfigureAwait(false);
                        return false;
                    }),
                () => new DeleteJobExecutionResponse(),
                cancellationToken
            );

        private Task<TResponse> Read<TRequest, TResponse>(
            Operation operation,
            TRequest request,
            Func<TRequest, IRequest> marshall,
            Func<JsonElement, TResponse> read,
            CancellationToken cancellationToken
        )
            where TRequest : AmazonWebServiceRequest
            where TResponse : AmazonWebServiceResponse, new() =>
            policy.RunAsync(
                operation,
                Location,
                attempt => Invoke<TRequest, TResponse>(operation, attempt, request, marshall, read, cancellationToken),
                null,
                null,
                observeStep,
                cancellationToken
            );

        private Task<TResponse> Change<TRequest, TResponse>(
            Operation operation,
            TRequest request,
            Func<TRequest, IRequest> marshall,
            Func<JsonElement, TResponse>? read,
            Func<Task<bool>> applied,
            Func<TResponse> done,
            CancellationToken cancellationToken
        )
            where TRequest : AmazonWebServiceRequest
            where TResponse : AmazonWebServiceResponse, new() =>
            policy.RunAsync(
                operation,
                Location,
                attempt => Invoke<TRequest, TResponse>(operation, attempt, request, marshall, read, cancellationToken),
                applied,
                done,
                observeStep,
                cancellationToken
            );

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

        private Task<TResponse> Invoke<TRequest, TResponse>(
            Operation operation,
            int attempt,
            TRequest request,
            Func<TRequest, IRequest> marshall,
            Func<JsonElement, TResponse>? read,
            CancellationToken cancellationToken
        )
            where TRequest : AmazonWebServiceRequest
            where TResponse : AmazonWebServiceResponse, new()
        {
            if (request == null)
                throw new ArgumentNullException(nameof(request));
            var options = new AttemptInvokeOptions(operation, attempt)
            {
                RequestMarshaller = new RequestMarshaller<TRequest>(marshall),
                ResponseUnmarshaller = new OperationUnmarshaller<TResponse>(read),
            };
            return InvokeAsync<TResponse>(request, options, cancellationToken);
        }

        private sealed class IotServiceMetadata : IServiceMetadata
        {
            public string ServiceId => IotJobsClientConfig.ServiceIdentifier;

            public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
        }
    }
}
