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
            e is AmazonServiceException || e is AmazonClientException || e is HttpRequestException || e is IOException || e is TimeoutException
            || e is AnswerLostException;

        /// <summary>Credentials could not be had (for example a profile's SSO token expired mid-run).</summary>
        public static bool IsCredentialFailure(Exception e) =>
            e is AmazonClientException && !(e is AmazonServiceException) && e.Message.IndexOf("credential", StringComparison.OrdinalIgnoreCase) >= 0;

        public static string? RequestIdOf(Exception e) => (e as AmazonServiceException)?.RequestId;

        public static string? CodeOf(Exception e) => (e as AmazonServiceException)?.ErrorCode;
    }
}
