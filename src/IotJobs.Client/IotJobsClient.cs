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
        private readonly object callerGate = new object();
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
            // Asked once per client: every item of a command that uses this client shares the answer, items of several
            // places asking at once included (a failed question is asked again by the next).
            lock (callerGate)
            {
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
        ) => Send(Operation.ListJobs, request, WireRequests.ListJobs, WireResponses.ListJobs, cancellationToken);

        public Task<DescribeJobResponse> DescribeJobAsync(
            DescribeJobRequest request,
            CancellationToken cancellationToken = default
        ) =>
            Send(
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
            Send(
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
            Send(
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
            Send(
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
            Send(
                Operation.DescribeJobExecution,
                request,
                WireRequests.DescribeJobExecution,
                WireResponses.DescribeJobExecution,
                cancellationToken
            );

        public Task<ListThingsResponse> ListThingsAsync(
            ListThingsRequest request,
            CancellationToken cancellationToken = default
        ) => Send(Operation.ListThings, request, WireRequests.ListThings, WireResponses.ListThings, cancellationToken);

        // Each change says how to tell, after a lost answer, that it was applied (see AppliedChecks).

        public Task<CancelJobResponse> CancelJobAsync(
            CancelJobRequest request,
            CancellationToken cancellationToken = default
        ) =>
            Send(
                Operation.CancelJob,
                request,
                WireRequests.CancelJob,
                WireResponses.CancelJob,
                cancellationToken,
                () => AppliedChecks.JobCanceledAsync(this, request.JobId, cancellationToken),
                () => new CancelJobResponse { JobId = request.JobId }
            );

        public Task<DeleteJobResponse> DeleteJobAsync(
            DeleteJobRequest request,
            CancellationToken cancellationToken = default
        ) =>
            Send(
                Operation.DeleteJob,
                request,
                WireRequests.DeleteJob,
                null,
                cancellationToken,
                () => AppliedChecks.JobDeletedAsync(this, request.JobId, cancellationToken),
                () => new DeleteJobResponse()
            );

        public Task<CancelJobExecutionResponse> CancelJobExecutionAsync(
            CancelJobExecutionRequest request,
            CancellationToken cancellationToken = default
        ) =>
            Send(
                Operation.CancelJobExecution,
                request,
                WireRequests.CancelJobExecution,
                null,
                cancellationToken,
                () => AppliedChecks.ExecutionCanceledAsync(this, request.JobId, request.ThingName, cancellationToken),
                () => new CancelJobExecutionResponse()
            );

        public Task<DeleteJobExecutionResponse> DeleteJobExecutionAsync(
            DeleteJobExecutionRequest request,
            CancellationToken cancellationToken = default
        ) =>
            Send(
                Operation.DeleteJobExecution,
                request,
                WireRequests.DeleteJobExecution,
                null,
                cancellationToken,
                () =>
                    AppliedChecks.ExecutionDeletedAsync(
                        this,
                        request.JobId,
                        request.ThingName,
                        request.ExecutionNumber,
                        cancellationToken
                    ),
                () => new DeleteJobExecutionResponse()
            );

        /// <summary>
        /// Sends the request under the resilience policy. A change says how to tell, after a lost answer, that it was
        /// applied (<paramref name="applied"/>) and what to answer then (<paramref name="done"/>); a read needs
        /// neither: it is simply asked again.
        /// </summary>
        private Task<TResponse> Send<TRequest, TResponse>(
            Operation operation,
            TRequest request,
            Func<TRequest, IRequest> marshall,
            Func<JsonElement, TResponse>? read,
            CancellationToken cancellationToken,
            Func<Task<bool>>? applied = null,
            Func<TResponse>? done = null
        )
            where TRequest : AmazonWebServiceRequest
            where TResponse : AmazonWebServiceResponse, new()
        {
            return policy.RunAsync(
                operation,
                Location,
                attempt =>
                    InvokeAsync<TResponse>(
                        request ?? throw new ArgumentNullException(nameof(request)),
                        new AttemptInvokeOptions(operation, attempt)
                        {
                            RequestMarshaller = new RequestMarshaller<TRequest>(marshall),
                            ResponseUnmarshaller = new OperationUnmarshaller<TResponse>(read),
                        },
                        cancellationToken
                    ),
                applied,
                done,
                observeStep,
                cancellationToken
            );
        }
    }
}
