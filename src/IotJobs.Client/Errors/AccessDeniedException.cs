using System;
using System.Net;
using Amazon.Runtime;

namespace IotJobs.Client
{
    /// <summary>401/403 for valid credentials that lack permission for the action.</summary>
    public sealed class AccessDeniedException : IotJobsServiceException
    {
        public AccessDeniedException(
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
