using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace IotJobs.Client
{
    /// <summary>
    /// Sits inside the retry handler, so every attempt (retries included) waits for the
    /// endpoint's <see cref="RequestPacer"/> and every throttling answer teaches it.
    /// </summary>
    internal sealed class PacingHandler : PipelineHandler
    {
        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var request = executionContext.RequestContext.Request;
            var pacer = RequestPacer.For(request.Endpoint);
            await pacer.WaitAsync(executionContext.RequestContext.CancellationToken).ConfigureAwait(false);
            try
            {
                var response = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
                pacer.OnSuccess();
                return response;
            }
            catch (ThrottlingException)
            {
                pacer.OnThrottled();
                throw;
            }
        }

        public override void InvokeSync(IExecutionContext executionContext) =>
            throw new NotSupportedException("IotJobsClient is used asynchronously only.");
    }
}
