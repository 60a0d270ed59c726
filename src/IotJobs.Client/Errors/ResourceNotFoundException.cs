using System;
using System.Net;
using Amazon.Runtime;

namespace IotJobs.Client
{
    /// <summary>404: the job, thing or execution does not exist.</summary>
    public sealed class ResourceNotFoundException : IotJobsServiceException
    {
        public ResourceNotFoundException(
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
