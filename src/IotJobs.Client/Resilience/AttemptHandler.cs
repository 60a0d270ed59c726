using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace IotJobs.Client
{
    /// <summary>
    /// Sees every attempt <see cref="ResiliencePolicy"/> makes: it waits for the <see cref="RequestPacer"/> of what the
    /// request uses up (when pacing is on), teaches it from throttling answers, and reports each attempt to the
    /// client's observer, with how long it waited for the pace.
    /// </summary>
    internal sealed class AttemptHandler : PipelineHandler
    {
        private readonly RequestPacers? pacers;
        private readonly TimeProvider time;
        private readonly Action<AttemptRecord>? observe;

        /// <param name="pacers">The pacers to wait for, or null for none.</param>
        public AttemptHandler(RequestPacers? pacers, TimeProvider time, Action<AttemptRecord>? observe)
        {
            this.pacers = pacers;
            this.time = time;
            this.observe = observe;
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var context = executionContext.RequestContext;
            var pacer = pacers == null ? null : await PacerAsync(context).ConfigureAwait(false);
            var paced = TimeSpan.Zero;
            if (pacer != null)
                await pacer.WaitAsync(context.CancellationToken, out paced).ConfigureAwait(false);
            long started = time.GetTimestamp();
            try
            {
                var response = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
                pacer?.OnSuccess();
                Report(
                    context,
                    (int)executionContext.ResponseContext.HttpResponse.StatusCode,
                    null,
                    response.ResponseMetadata?.RequestId,
                    started,
                    paced
                );
                return response;
            }
            catch (Exception e)
            {
                if (e is ThrottlingException)
                    pacer?.OnThrottled();
                var service = e as AmazonServiceException;
                Report(
                    context,
                    service == null ? 0 : (int)service.StatusCode,
                    service?.ErrorCode ?? e.GetType().Name,
                    service?.RequestId,
                    started,
                    paced
                );
                throw;
            }
        }

        public override void InvokeSync(IExecutionContext executionContext) =>
            throw new NotSupportedException("IotJobsClient is used asynchronously only.");

        /// <summary>
        /// The pacer of what the service limits: one API, in one region, for one set of credentials (standing for
        /// the account, which a request does not name). The credentials are those the request is signed with,
        /// resolved before this handler runs; of them, only the access key id is read.
        /// </summary>
        private async Task<RequestPacer> PacerAsync(IRequestContext context)
        {
            var operation = (context.Options as AttemptInvokeOptions)?.Operation;
            var config = context.ClientConfig;
            string region = config.AuthenticationRegion ?? config.RegionEndpoint?.SystemName ?? "";
            string caller = "";
            if (context.Identity is AWSCredentials credentials)
                caller = (await credentials.GetCredentialsAsync().ConfigureAwait(false)).AccessKey;
            return pacers!.For(context.Request.Endpoint, region, caller, operation?.ToString() ?? "");
        }

        private void Report(
            IRequestContext context,
            int status,
            string? error,
            string? requestId,
            long started,
            TimeSpan paced
        )
        {
            if (observe == null)
                return;
            // The URL the SDK composed: path and query only, never a header, key or token.
            var uri = AmazonServiceClient.ComposeUrl(context.Request);
            var options = context.Options as AttemptInvokeOptions;
            observe(
                new AttemptRecord(
                    options?.Operation ?? default,
                    context.Request.HttpMethod,
                    uri,
                    options?.Attempt ?? 1,
                    status,
                    error,
                    requestId,
                    time.GetElapsedTime(started),
                    paced
                )
            );
        }
    }
}
