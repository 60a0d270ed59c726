using System;
using System.Net;
using Amazon.Runtime;

namespace IotJobs.Client
{
    /// <summary>
    /// An error answer from the IoT Jobs service. <see cref="AmazonServiceException.ErrorCode"/> is the
    /// service's error type and <see cref="AmazonServiceException.RequestId"/> its request id; the
    /// subclasses let callers catch the answers they handle.
    /// </summary>
    public class IotJobsServiceException : AmazonServiceException
    {
        public IotJobsServiceException(
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
