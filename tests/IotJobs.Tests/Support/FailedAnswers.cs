using System.Net;
using Amazon.Runtime;
using IotJobs.Client;

namespace IotJobs.Tests.Support;

/// <summary>The client's service exceptions as a failed answer would raise them, for tests that need no HTTP.</summary>
internal static class FailedAnswers
{
    /// <summary>An exception of type <typeparamref name="T"/> with its own name as the error code.</summary>
    public static T Of<T>(int status)
        where T : IotJobsServiceException =>
        (T)
            Activator.CreateInstance(
                typeof(T),
                typeof(T).Name,
                null,
                ErrorType.Sender,
                typeof(T).Name,
                "fake",
                (HttpStatusCode)status
            )!;
}
