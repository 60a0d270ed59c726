using System;
using System.Net;
using Amazon.Runtime;

namespace IotJobs.Client
{
    /// <summary>409: the execution's version is not the expected one.</summary>
    public sealed class VersionConflictException : IotJobsServiceException
    {
        public VersionConflictException(
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
