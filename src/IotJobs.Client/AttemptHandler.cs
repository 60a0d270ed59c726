using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace IotJobs.Client
{
    /// <summary>
    /// Sees every attempt <see cref="ResiliencePolicy"/> makes: it waits for the endpoint's
    /// <see cref="RequestPacer"/> (when pacing is on), teaches it from throttling answers, and reports
    /// each attempt to the client's observer.
    /// </summary>
    internal sealed class AttemptHandler : PipelineHandler
    {
        private readonly bool pace;
        private readonly Action<AttemptRecord>? observe;

        public AttemptHandler(bool pace, Action<AttemptRecord>? observe)
        {
            this.pace = pace;
            this.observe = observe;
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var context = executionContext.RequestContext;
            var pacer = pace ? RequestPacer.For(context.Request.Endpoint) : null;
            if (pacer != null)
                await pacer.WaitAsync(context.CancellationToken).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            try
            {
                var response = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
                pacer?.OnSuccess();
                Report(
                    context,
                    (int)executionContext.ResponseContext.HttpResponse.StatusCode,
                    null,
                    response.ResponseMetadata?.RequestId,
                    clock
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
                    clock
                );
                throw;
            }
        }

        public override void InvokeSync(IExecutionContext executionContext) =>
            throw new NotSupportedException("IotJobsClient is used asynchronously only.");

        private void Report(IRequestContext context, int status, string? error, string? requestId, Stopwatch clock)
        {
            if (observe == null)
                return;
            // The URL the SDK composed: path and query only, never a header, key or token.
            var uri = AmazonServiceClient.ComposeUrl(context.Request);
            observe(
                new AttemptRecord(
                    context.Request.HttpMethod,
                    uri,
                    ResiliencePolicy.CurrentAttempt,
                    status,
                    error,
                    requestId,
                    clock.Elapsed
                )
            );
        }
    }

    /// <summary>One attempt of one request, as -Verbose reports it. Holds nothing secret.</summary>
    public sealed class AttemptRecord
    {
        public AttemptRecord(
            string method,
            Uri uri,
            int attempt,
            int status,
            string? error,
            string? requestId,
            TimeSpan elapsed
        )
        {
            Method = method;
            Uri = uri;
            Attempt = attempt;
            Status = status;
            Error = error;
            RequestId = requestId;
            Elapsed = elapsed;
        }

        public string Method { get; }
        public Uri Uri { get; }
        public int Attempt { get; }

        /// <summary>The HTTP status; 0 when no answer came (connection dropped, cancelled).</summary>
        public int Status { get; }

        public string? Error { get; }
        public string? RequestId { get; }
        public TimeSpan Elapsed { get; }

        public override string ToString() =>
            $"{Method} {Uri} -> {(Status == 0 ? "no answer" : Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}"
            + $"{(Error == null ? "" : " " + Error)} (attempt {Attempt}{(RequestId == null ? "" : ", request id " + RequestId)}, {Elapsed.TotalMilliseconds:0} ms)";
    }
}
