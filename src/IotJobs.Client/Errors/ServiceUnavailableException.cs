using System;
using System.Net;
using Amazon.Runtime;

namespace IotJobs.Client
{
    /// <summary>503: the service is temporarily unavailable.</summary>
    public sealed class ServiceUnavailableException : IotJobsServiceException
    {
        public ServiceUnavailableException(
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
