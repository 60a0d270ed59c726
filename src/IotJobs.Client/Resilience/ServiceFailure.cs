using System;
using Amazon.Runtime;

namespace IotJobs.Client
{
    /// <summary>
    /// What callers outside this assembly need to know of a failure, without touching an AWS SDK
    /// type themselves: the module's cmdlets must not, so that the SDK resolves only in the load
    /// context of this assembly. Every answer about the kind of failure comes from <see cref="FailureClassifier"/>.
    /// </summary>
    internal static class ServiceFailure
    {
        /// <summary>A failure of a call to the service: its answer, or the way to it.</summary>
        public static bool IsCallFailure(Exception e) => FailureClassifier.Classify(e).IsCallFailure;

        /// <summary>The kind of failure, as <see cref="ResiliencePolicy"/> meets it.</summary>
        public static FailureKind KindOf(Exception e) => FailureClassifier.Classify(e).Kind;

        /// <summary>True for failures no other item can escape either: the command should end at once.</summary>
        public static bool EndsTheCommand(Exception e) =>
            KindOf(e) is FailureKind.Unreachable or FailureKind.Tls or FailureKind.Credentials;

        public static string? RequestIdOf(Exception e) => (e as AmazonServiceException)?.RequestId;

        public static string? CodeOf(Exception e) => (e as AmazonServiceException)?.ErrorCode;

        /// <summary>The HTTP status the service answered, or 0 when no answer came.</summary>
        public static int StatusOf(Exception e) => e is AmazonServiceException service ? (int)service.StatusCode : 0;
    }
}
