using System;
using System.Net;
using Amazon.Runtime;

namespace IotJobs.Client
{
    /// <summary>401/403 about the credentials themselves: unknown key, bad signature, expired token.</summary>
    public sealed class AuthenticationFailedException : IotJobsServiceException
    {
        public AuthenticationFailedException(
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
