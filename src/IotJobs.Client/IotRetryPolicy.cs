using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace IotJobs.Client
{
    /// <summary>
    /// The SDK's Standard retry mode (3 attempts; throttling, 5xx and connection faults), except that
    /// LimitExceededException is not treated as throttling (for DeleteJob it means "10 deletions
    /// already in progress", which only waiting cures), and that a change (PUT, DELETE) whose answer
    /// was lost is not sent again blindly: the service may have applied it. The caller sees
    /// <see cref="AnswerLostException"/> and can look before sending it again.
    /// </summary>
    internal sealed class IotRetryPolicy : StandardRetryPolicy
    {
        public IotRetryPolicy(IClientConfig config)
            : base(config)
        {
            ThrottlingErrorCodes = new HashSet<string>(ThrottlingErrorCodes.Where(c => c != "LimitExceededException"));
        }

        public override bool RetryForException(IExecutionContext executionContext, Exception exception) =>
            !AnswerLost(executionContext, exception) && base.RetryForException(executionContext, exception);

        public override Task<bool> RetryForExceptionAsync(IExecutionContext executionContext, Exception exception) =>
            AnswerLost(executionContext, exception) ? Task.FromResult(false) : base.RetryForExceptionAsync(executionContext, exception);

        /// <summary>A change that got no answer from the service (an answer, even an error, says it was not applied).</summary>
        internal static bool AnswerLost(IExecutionContext context, Exception exception) =>
            context.RequestContext.Request.HttpMethod is "PUT" or "DELETE"
            && !(exception is AmazonServiceException)
            && !context.RequestContext.CancellationToken.IsCancellationRequested;
    }
}
