using System;
using System.Net;
using Amazon.Runtime;

namespace IotJobs.Client.Wire
{
    /// <summary>Maps the service's error type (the x-amzn-ErrorType header) to a typed exception.</summary>
    internal static class ServiceErrors
    {
        public static IotJobsServiceException Create(
            string? code,
            string? message,
            ErrorType type,
            string? requestId,
            HttpStatusCode status,
            Exception? inner
        )
        {
            string text = string.IsNullOrEmpty(message)
                ? $"The service answered {(int)status} {code ?? status.ToString()}."
                : ServiceText.Safe(message!);
            // The deletion quota has been seen worded as throttling ("... the number of jobs with status
            // DELETION_IN_PROGRESS ... wait at least one minute"): it is the 10-deletion limit, not a rate.
            if (code == "ThrottlingException" && text.IndexOf("DELETION_IN_PROGRESS", StringComparison.Ordinal) >= 0)
                return new LimitExceededException(text, inner, type, code, requestId, status);
            switch (code)
            {
                case "ResourceNotFoundException":
                    return new ResourceNotFoundException(text, inner, type, code, requestId, status);
                case "InvalidStateTransitionException":
                    return new InvalidStateTransitionException(text, inner, type, code, requestId, status);
                case "VersionConflictException":
                    return new VersionConflictException(text, inner, type, code, requestId, status);
                case "LimitExceededException":
                    return new LimitExceededException(text, inner, type, code, requestId, status);
                case "ThrottlingException":
                case "TooManyRequestsException":
                    return new ThrottlingException(text, inner, type, code, requestId, status);
                case "InvalidRequestException":
                    return new InvalidRequestException(text, inner, type, code, requestId, status);
                case "ServiceUnavailableException":
                    return new ServiceUnavailableException(text, inner, type, code, requestId, status);
                case "AccessDeniedException":
                case "UnauthorizedException":
                    return new AccessDeniedException(text, inner, type, code, requestId, status);
            }
            if (status == HttpStatusCode.Unauthorized || status == HttpStatusCode.Forbidden)
                return new AuthenticationFailedException(text, inner, type, code, requestId, status);
            if (status == HttpStatusCode.ServiceUnavailable)
                return new ServiceUnavailableException(
                    text,
                    inner,
                    type,
                    code ?? "ServiceUnavailableException",
                    requestId,
                    status
                );
            return new IotJobsServiceException(text, inner, type, code, requestId, status);
        }
    }
}
