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

    /// <summary>409: the item's current state does not allow the change (for example in progress without force).</summary>
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
