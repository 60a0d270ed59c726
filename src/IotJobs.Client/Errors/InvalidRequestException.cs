using System;
using System.Net;
using Amazon.Runtime;

namespace IotJobs.Client
{
    /// <summary>400: the request is not valid.</summary>
    public sealed class InvalidRequestException : IotJobsServiceException
    {
        public InvalidRequestException(
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
