using System;
using System.Net;
using Amazon.Runtime;

namespace IotJobs.Client
{
    /// <summary>400/429: the request rate is over the account's limit.</summary>
    public sealed class ThrottlingException : IotJobsServiceException
    {
        public ThrottlingException(
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
