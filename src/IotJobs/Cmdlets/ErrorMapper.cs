using System;
using System.Management.Automation;
using IotJobs.Client;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// Turns a failure into the error record a person (and a runbook) can act on: a stable error id, the
    /// category that fits, the item as target, the message, and what to do next, said once: as the
    /// record's RecommendedAction, which PowerShell shows as "Recommendation:" under the message.
    /// </summary>
    internal static class ErrorMapper
    {
        /// <param name="e">The failure.</param>
        /// <param name="attempt">What was attempted on which item.</param>
        /// <param name="explanation">The module's own account of the refusal, instead of the service's words.</param>
        /// <param name="terminating">Set when no other item can succeed either (bad credentials).</param>
        public static ErrorRecord ToRecord(Exception e, Attempt attempt, Explanation? explanation, out bool terminating)
        {
            terminating = false;
            string said = (explanation?.Reason ?? e.Message).TrimEnd('.');
            string cannot = $"Cannot {attempt.Verb} {attempt.Subject}";
            string id,
                message,
                advice = "";
            ErrorCategory category;
            switch (e)
            {
                case ItemRefusedException refused:
                    (id, category) = (refused.ErrorId, ErrorCategory.InvalidArgument);
                    message = $"{cannot}: {said}. Nothing was sent.";
                    advice = refused.Advice;
                    break;
                case Backup.BackupFailedException _:
                    (id, category) = ("BackupFailed", ErrorCategory.WriteError);
                    message = $"{cannot}: {said}. Nothing was deleted.";
                    advice =
                        "Check that -BackupPath names a folder that exists and can be written to, with room on its disk.";
                    break;
                case ServiceUnreachableException unreachable:
                    // Nothing answers there: every other item would fail the same way.
                    (id, category, terminating) = (
                        unreachable.Kind == FailureKind.Tls ? "TlsFailed" : "Unreachable",
                        ErrorCategory.ConnectionError,
                        true
                    );
                    message = $"{cannot}: {unreachable.Reason}.";
                    advice = unreachable.Advice;
                    break;
                case AnswerLostException _:
                    (id, category) = ("AnswerLost", ErrorCategory.ConnectionError);
                    message = $"{cannot}: {said}.";
                    advice = "Look at the item (Get-IotJob or Get-IotJobExecution) before sending the change again.";
                    break;
                case ResourceNotFoundException _:
                    (id, category) = ("NotFound", ErrorCategory.ObjectNotFound);
                    message = $"{cannot}: it does not exist.";
                    advice = "Check the id with Get-IotJob or Get-IotJobExecution.";
                    break;
                case InvalidStateTransitionException _:
                    (id, category) = ("InvalidStateTransition", ErrorCategory.InvalidOperation);
                    message = $"{cannot}: {said}.";
                    break;
                case VersionConflictException _:
                    (id, category) = ("VersionConflict", ErrorCategory.InvalidOperation);
                    message = $"{cannot}: {said}.";
                    advice = "Get the execution again and retry with its current VersionNumber as -ExpectedVersion.";
                    break;
                case LimitExceededException _:
                    (id, category) = ("LimitExceeded", ErrorCategory.LimitsExceeded);
                    message = $"{cannot}: {said}.";
                    advice = "Wait for deletions in progress to finish, then retry.";
                    break;
                case ThrottlingException _:
                    (id, category) = ("Throttled", ErrorCategory.LimitsExceeded);
                    message = $"{cannot}: the service is throttling requests ({said}).";
                    advice = "Retry later, or send fewer requests at once.";
                    break;
                case InvalidRequestException _:
                    (id, category) = ("InvalidRequest", ErrorCategory.InvalidArgument);
                    message = $"{cannot}: the service refused the request: {said}.";
                    break;
                case ServiceUnavailableException _:
                    (id, category) = ("ServiceUnavailable", ErrorCategory.ResourceUnavailable);
                    message =
                        $"{cannot}: the service is unavailable ({said}), {ResiliencePolicy.MaxAttempts} attempts in a row.";
                    advice = "Retry later.";
                    break;
                case AccessDeniedException _:
                    (id, category) = ("AccessDenied", ErrorCategory.PermissionDenied);
                    message = $"{cannot}: access denied ({said}).";
                    advice = "Grant the caller the iot: permission for this action on this resource.";
                    break;
                case AuthenticationFailedException _:
                    (id, category, terminating) = ("AuthenticationFailed", ErrorCategory.AuthenticationError, true);
                    message = $"{cannot}: the service did not accept the credentials: {said}.";
                    advice = "Check the access key, secret key, session token, region and the machine's clock.";
                    break;
                case IotJobsServiceException _:
                    // An answer the module has no word for: say all the service said.
                    (id, category) = ("ServiceError", ErrorCategory.NotSpecified);
                    string code = ServiceFailure.CodeOf(e) is { Length: > 0 } c ? c : "no error code";
                    string attempts =
                        ServiceFailure.StatusOf(e) >= 500 ? $", {ResiliencePolicy.MaxAttempts} attempts in a row" : "";
                    message =
                        $"{cannot}: the service answered {ServiceFailure.StatusOf(e)} ({code}): {said}{attempts}.";
                    break;
                case Exception _ when ServiceFailure.KindOf(e) == FailureKind.Credentials:
                    (id, category, terminating) = ("NoCredentials", ErrorCategory.AuthenticationError, true);
                    message = $"{cannot}: no AWS credentials could be found: {said}.";
                    advice =
                        "Use -ProfileName, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure a default profile.";
                    break;
                default:
                    (id, category) = ("RequestFailed", ErrorCategory.ConnectionError);
                    message =
                        ServiceFailure.KindOf(e) == FailureKind.Transient
                            ? $"{cannot}: the connection to the service failed, {ResiliencePolicy.MaxAttempts} attempts in a row ({said})."
                            : $"{cannot}: {said}.";
                    advice = "Retry later; if it goes on, check the network between this machine and the endpoint.";
                    break;
            }
            if (explanation?.Advice != null)
                advice = explanation.Advice;

            if (ServiceFailure.RequestIdOf(e) is string requestId && requestId.Length > 0)
                message += $" (request id {requestId})";
            // The exception stays the typed one, so try/catch by type works with -ErrorAction Stop;
            // ErrorDetails carries the message PowerShell shows.
            return new ErrorRecord(e, id, category, attempt.Target)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = advice },
            };
        }
    }
}
