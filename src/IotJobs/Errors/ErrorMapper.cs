using System;
using System.Management.Automation;
using IotJobs.Backup;
using IotJobs.Client;

namespace IotJobs.Errors;

/// <summary>
/// The one place that turns a failure into the error record a person (and a runbook) can act on: a stable error
/// id, the category that fits, the item as target, the message, and what to do next, said once: as the record's
/// RecommendedAction, which PowerShell shows as "Recommendation:" under the message. Failures to connect at all
/// (no region, no credentials, settings that cannot be used) are here too, worded for the command as a whole.
/// </summary>
internal static class ErrorMapper
{
    /// <summary>
    /// Failures that belong to one item, for a command to report and go on from: the service's answers, the way
    /// to it, and the module's own refusals. Anything else is a bug, and is not caught.
    /// </summary>
    public static bool IsItemFailure(Exception e) =>
        e is ItemRefusedException
        || e is BackupFailedException
        || e is NotAppliedException
        || e is InvalidInputException
        || e is NotFoundAnywhereException
        || ServiceFailure.IsCallFailure(e);

    /// <summary>The record for a failure of an item, or of the command's connection when no item is named.</summary>
    /// <param name="e">The failure.</param>
    /// <param name="attempt">What was attempted on which item; null when the command could not connect at all.</param>
    /// <param name="explanation">The module's own account of the refusal, instead of the service's words.</param>
    /// <param name="terminating">Set when no other item can succeed either (bad credentials).</param>
    public static ErrorRecord ToRecord(Exception e, Attempt? attempt, Explanation? explanation, out bool terminating)
    {
        // Safe: an answer from outside the client (STS, a credential provider) is shown cut like the client's own.
        string said = (explanation?.Reason ?? ServiceText.Safe(e.Message)).TrimEnd('.');
        var (id, category, reason, advice, ends) = Describe(e, said);
        terminating = ends;
        // Failures to connect at all, and bad values given, stand alone; every other one is about the item attempted.
        string message =
            attempt == null || StandsAlone(e) ? reason : $"Cannot {attempt.Verb} {attempt.Subject}: {reason}";
        if (explanation?.Advice != null)
            advice = explanation.Advice;
        if (ServiceFailure.RequestIdOf(e) is string requestId && requestId.Length > 0)
            message += $" (request id {requestId})";
        // The exception stays the typed one, so try/catch by type works with -ErrorAction Stop;
        // ErrorDetails carries the message PowerShell shows.
        return new ErrorRecord(e, id, category, attempt?.Target)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = advice },
        };
    }

    /// <summary>
    /// Why a request failed, in the words an error would give, for a warning about what follows a change.
    /// </summary>
    public static string Why(Exception e) => Describe(e, ServiceText.Safe(e.Message).TrimEnd('.')).Reason.TrimEnd('.');

    /// <summary>
    /// Failures that say all there is to say themselves: settings that cannot connect, a bad value given.
    /// </summary>
    private static bool StandsAlone(Exception e) =>
        e is NoRegionException || e is NoCredentialsException || e is ArgumentException || e is InvalidInputException;

    private static (string Id, ErrorCategory Category, string Reason, string Advice, bool Terminating) Describe(
        Exception e,
        string said
    )
    {
        int attempts = IotJobsClientOptions.DefaultMaxAttempts;
        switch (e)
        {
            case ItemRefusedException refused:
                return (
                    refused.ErrorId,
                    ErrorCategory.InvalidArgument,
                    $"{said}. Nothing was sent.",
                    refused.Advice,
                    false
                );
            case BackupFailedException:
                return (
                    "BackupFailed",
                    ErrorCategory.WriteError,
                    $"{said}. Nothing was deleted.",
                    "Check that -BackupPath names a folder that exists and can be written to, with room on its disk.",
                    false
                );
            case NoRegionException noRegion:
                return (
                    "NoRegion",
                    ErrorCategory.InvalidArgument,
                    NoRegionMessage(noRegion.ProfileName),
                    NoRegionAdvice,
                    true
                );
            case NoCredentialsException noCredentials:
                string tried =
                    "-Credential and -ProfileName (not given); $StoredAWSCredentials of AWS.Tools (not set); "
                    + noCredentials.Tried;
                return (
                    "NoCredentials",
                    ErrorCategory.AuthenticationError,
                    $"No AWS credentials were found. Tried, in order: {tried}.",
                    NoCredentialsAdvice,
                    true
                );
            case ArgumentException:
                // A profile, URL or credential object that cannot be used: every item would meet it.
                return ("InvalidConnectionSettings", ErrorCategory.InvalidArgument, e.Message, "", true);
            case ServiceUnreachableException unreachable:
                // Nothing answers there: every other item would fail the same way.
                string unreachableId = unreachable.Kind == FailureKind.Tls ? "TlsFailed" : "Unreachable";
                return (
                    unreachableId,
                    ErrorCategory.ConnectionError,
                    $"{unreachable.Reason}.",
                    unreachable.Advice,
                    true
                );
            case InvalidInputException badInput:
                return ($"Invalid{badInput.Parameter}", ErrorCategory.InvalidArgument, badInput.Message, "", false);
            case NotAppliedException:
                return (
                    "NotApplied",
                    ErrorCategory.ConnectionError,
                    $"{said}.",
                    "Nothing was changed: run the command again for this item.",
                    false
                );
            case AnswerLostException:
                return (
                    "AnswerLost",
                    ErrorCategory.ConnectionError,
                    $"{said}.",
                    "Look at the item (Get-IotJob or Get-IotJobExecution) before sending the change again.",
                    false
                );
            case NotFoundAnywhereException:
                return (
                    "NotFound",
                    ErrorCategory.ObjectNotFound,
                    said + ".",
                    "Check the id with Get-IotJob, and the regions and profiles given.",
                    false
                );
            case ResourceNotFoundException:
                return (
                    "NotFound",
                    ErrorCategory.ObjectNotFound,
                    $"it does not exist.",
                    "Check the id with Get-IotJob or Get-IotJobExecution.",
                    false
                );
            case InvalidStateTransitionException:
                return ("InvalidStateTransition", ErrorCategory.InvalidOperation, $"{said}.", "", false);
            case VersionConflictException:
                return (
                    "VersionConflict",
                    ErrorCategory.InvalidOperation,
                    $"{said}.",
                    "Get the execution again and retry with its current VersionNumber as -ExpectedVersion.",
                    false
                );
            case LimitExceededException:
                return (
                    "LimitExceeded",
                    ErrorCategory.LimitsExceeded,
                    $"{said}.",
                    "Wait for deletions in progress to finish, then retry.",
                    false
                );
            case ThrottlingException:
                return (
                    "Throttled",
                    ErrorCategory.LimitsExceeded,
                    $"the service is throttling requests ({said}).",
                    "Retry later, or send fewer requests at once.",
                    false
                );
            case InvalidRequestException:
                var invalid = $"the service refused the request: {said}.";
                return ("InvalidRequest", ErrorCategory.InvalidArgument, invalid, "", false);
            case ServiceUnavailableException:
                return (
                    "ServiceUnavailable",
                    ErrorCategory.ResourceUnavailable,
                    $"the service is unavailable ({said}), {attempts} attempts in a row.",
                    "Retry later.",
                    false
                );
            case AccessDeniedException:
                return (
                    "AccessDenied",
                    ErrorCategory.PermissionDenied,
                    $"access denied ({said}).",
                    "Grant the caller the iot: permission for this action on this resource.",
                    false
                );
            case AuthenticationFailedException:
                return (
                    "AuthenticationFailed",
                    ErrorCategory.AuthenticationError,
                    $"the service did not accept the credentials: {said}.",
                    "Check the access key, secret key, session token, region and the machine's clock.",
                    true
                );
            case IotJobsServiceException:
                // An answer the module has no word for: say all the service said.
                int status = ServiceFailure.StatusOf(e);
                string code = ServiceFailure.CodeOf(e) is { Length: > 0 } c ? c : "no error code";
                string again = status >= 500 ? $", {attempts} attempts in a row" : "";
                var answered = $"the service answered {status} ({code}): {said}{again}.";
                return ("ServiceError", ErrorCategory.NotSpecified, answered, "", false);
            case Exception when ServiceFailure.KindOf(e) == FailureKind.Credentials:
                return (
                    "NoCredentials",
                    ErrorCategory.AuthenticationError,
                    $"no AWS credentials could be found: {said}.",
                    NoCredentialsAdvice,
                    true
                );
            default:
                string failed =
                    ServiceFailure.KindOf(e) == FailureKind.Transient
                        ? $"the connection to the service failed, {attempts} attempts in a row ({said})."
                        : $"{said}.";
                return (
                    "RequestFailed",
                    ErrorCategory.ConnectionError,
                    failed,
                    "Retry later; if it goes on, check the network between this machine and the endpoint.",
                    false
                );
        }
    }

    private const string NoCredentialsAdvice =
        "Pass -ProfileName or -Credential, set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
        + "or configure a default profile.";

    private const string NoRegionAdvice =
        "Pass -Region (for example -Region eu-west-1), set AWS_REGION, run Set-DefaultAWSRegion, "
        + "or add 'region = eu-west-1' to the profile in ~/.aws/config.";

    private static string NoRegionMessage(string? profileName) =>
        "No AWS region was found. Looked in, in order: -Region (not given); "
        + (profileName == null ? "" : $"the region of profile '{profileName}'; ")
        + "$StoredAWSRegion of AWS.Tools (not set); AWS_REGION and AWS_DEFAULT_REGION (not set); "
        + "the region of the profile in use (AWS_PROFILE, else [default] in the shared config file) (none).";
}
