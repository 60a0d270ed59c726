using System;
using System.IO;
using System.Net.Http;
using Amazon.Runtime;

namespace IotJobs.Client
{
    /// <summary>
    /// What callers outside this assembly need to know of a failure, without touching an AWS SDK
    /// type themselves: the module's cmdlets must not, so that the SDK resolves only in the load
    /// context of this assembly.
    /// </summary>
    public static class ServiceFailure
    {
        /// <summary>A failure of a call to the service: its answer, or the way to it.</summary>
        public static bool IsCallFailure(Exception e) =>
            e is AmazonServiceException
            || e is AmazonClientException
            || e is HttpRequestException
            || e is IOException
            || e is TimeoutException
            || e is AnswerLostException
            || e is ServiceUnreachableException;

        /// <summary>The kind of failure, as <see cref="ResiliencePolicy"/> classifies it.</summary>
        public static FailureKind KindOf(Exception e) => ResiliencePolicy.Classify(e);

        public static string? RequestIdOf(Exception e) => (e as AmazonServiceException)?.RequestId;

        public static string? CodeOf(Exception e) => (e as AmazonServiceException)?.ErrorCode;

        /// <summary>The HTTP status the service answered, or 0 when no answer came.</summary>
        public static int StatusOf(Exception e) => e is AmazonServiceException service ? (int)service.StatusCode : 0;
    }
}
