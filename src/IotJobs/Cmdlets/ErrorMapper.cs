using System;
using System.Management.Automation;
using IotJobs.Client;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// Turns a failed call into the error record a person (and a runbook) can act on: a stable
    /// error id, the category that fits, the item as target, and what to do next.
    /// </summary>
    internal static class ErrorMapper
    {
        /// <param name="e">The failure.</param>
        /// <param name="action">What was attempted, e.g. "remove".</param>
        /// <param name="subject">The item in words, e.g. "job 'fw-7'".</param>
        /// <param name="target">The item itself, for the record's TargetObject.</param>
        /// <param name="forced">Whether -Force was given.</param>
        /// <param name="reason">The cmdlet's own account of the failure, instead of the service's message.</param>
        /// <param name="terminating">Set when no other item can succeed either (bad credentials).</param>
        public static ErrorRecord ToRecord(Exception e, string action, string subject, object target, bool forced, string? reason, out bool terminating)
        {
            terminating = false;
            string said = (reason ?? e.Message).TrimEnd('.');
            string id, message, advice = "";
            ErrorCategory category;
            switch (e)
            {
                case ResourceNotFoundException _:
                    (id, category) = ("NotFound", ErrorCategory.ObjectNotFound);
                    message = $"Cannot {action} {subject}: it does not exist.";
                    advice = "Check the id with Get-IotJob or Get-IotJobExecution.";
                    break;
                case InvalidStateTransitionException _:
                    (id, category) = ("InvalidStateTransition", ErrorCategory.InvalidOperation);
                    message = $"Cannot {action} {subject}: {said}.";
                    if (!forced) advice = $"Add -Force to {action} it even though it is in progress; devices running it may be left mid-update.";
                    break;
                case VersionConflictException _:
                    (id, category) = ("VersionConflict", ErrorCategory.InvalidOperation);
                    message = $"Cannot {action} {subject}: {said}.";
                    advice = "Get the execution again and retry with its current VersionNumber as -ExpectedVersion.";
                    break;
                case LimitExceededException _:
                    (id, category) = ("LimitExceeded", ErrorCategory.LimitsExceeded);
                    message = $"Cannot {action} {subject}: {said}.";
                    advice = "Wait for deletions in progress to finish, then retry.";
                    break;
                case ThrottlingException _:
                    (id, category) = ("Throttled", ErrorCategory.LimitsExceeded);
                    message = $"Cannot {action} {subject}: the service is throttling requests ({said}).";
                    advice = "Retry later, or send fewer requests at once.";
                    break;
                case InvalidRequestException _:
                    (id, category) = ("InvalidRequest", ErrorCategory.InvalidArgument);
                    message = $"Cannot {action} {subject}: the service refused the request: {said}.";
                    break;
                case ServiceUnavailableException _:
                    (id, category) = ("ServiceUnavailable", ErrorCategory.ResourceUnavailable);
                    message = $"Cannot {action} {subject}: the service is unavailable ({said}).";
                    advice = "Retry later.";
                    break;
                case AccessDeniedException _:
                    (id, category) = ("AccessDenied", ErrorCategory.PermissionDenied);
                    message = $"Cannot {action} {subject}: access denied ({said}).";
                    advice = "Grant the caller the iot: permission for this action on this resource.";
                    break;
                case AuthenticationFailedException _:
                    (id, category, terminating) = ("AuthenticationFailed", ErrorCategory.AuthenticationError, true);
                    message = $"The service did not accept the credentials: {said}.";
                    advice = "Check the access key, secret key, session token, region and the machine's clock.";
                    break;
                case IotJobsServiceException _:
                    (id, category) = ("ServiceError", ErrorCategory.NotSpecified);
                    message = $"Cannot {action} {subject}: {ServiceFailure.CodeOf(e)}: {said}.";
                    break;
                case Exception _ when ServiceFailure.IsCredentialFailure(e):
                    (id, category, terminating) = ("NoCredentials", ErrorCategory.AuthenticationError, true);
                    message = $"No AWS credentials could be found: {said}.";
                    advice = "Use -ProfileName, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure a default profile.";
                    break;
                default:
                    (id, category) = ("RequestFailed", ErrorCategory.ConnectionError);
                    message = $"Cannot {action} {subject}: {said}.";
                    break;
            }

            if (ServiceFailure.RequestIdOf(e) is string requestId && requestId.Length > 0)
                message += $" (request id {requestId})";
            if (advice.Length > 0) message += " " + advice;
            // The exception stays the typed one, so try/catch by type works with -ErrorAction Stop;
            // ErrorDetails carries the message PowerShell shows.
            var record = new ErrorRecord(e, id, category, target)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = advice },
            };
            return record;
        }
    }
}
