using System;
using System.Net;
using Amazon.Runtime;

namespace IotJobs.Client
{
    /// <summary>410: a service limit, for example more than 10 jobs in DELETION_IN_PROGRESS.</summary>
    public sealed class LimitExceededException : IotJobsServiceException
    {
        public LimitExceededException(
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
