using System;
using System.Net;
using Amazon.Runtime;

namespace IotJobs.Client
{
    /// <summary>
    /// 409: the item's current state does not allow the change (for example in progress without force).
    /// </summary>
    public sealed class InvalidStateTransitionException : IotJobsServiceException
    {
        public InvalidStateTransitionException(
            string message,
            Exception? inner,
            ErrorType type,
            string? code,
            string? requestId,
            HttpStatusCode status
        )
            : base(message, inner, type, code, requestId, status) { }
    }
}
