using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using Amazon.Runtime;
using IotJobs.Client;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Resilience;

/// <summary>
/// The one classifier: for each exception the client knows, the kind of failure the retry policy acts on and
/// whether the cmdlets count it as an item's failure of a call to the service (rather than a bug).
/// </summary>
public sealed class FailureClassifierTests
{
    private static readonly ServiceLocation Location = new("us-east-1", new Uri("https://iot.us-east-1.amazonaws.com"));

    public static TheoryData<string, Exception, FailureKind, bool> Cases() =>
        new()
        {
            { "throttled", FailedAnswers.Of<ThrottlingException>(400), FailureKind.Throttled, true },
            { "limit", FailedAnswers.Of<LimitExceededException>(410), FailureKind.LimitExceeded, true },
            { "rejected key", FailedAnswers.Of<AuthenticationFailedException>(403), FailureKind.Credentials, true },
            {
                "no credentials",
                new NoCredentialsException("here", new Exception("none")),
                FailureKind.Credentials,
                false
            },
            { "503", FailedAnswers.Of<ServiceUnavailableException>(503), FailureKind.Transient, true },
            { "500", FailedAnswers.Of<IotJobsServiceException>(500), FailureKind.Transient, true },
            { "404", FailedAnswers.Of<ResourceNotFoundException>(404), FailureKind.Refused, true },
            { "409", FailedAnswers.Of<InvalidStateTransitionException>(409), FailureKind.Refused, true },
            {
                "refused",
                Wrapped(new SocketException((int)SocketError.ConnectionRefused)),
                FailureKind.Unreachable,
                true
            },
            { "bare socket", new SocketException((int)SocketError.HostNotFound), FailureKind.Unreachable, false },
            { "reset", Wrapped(new SocketException((int)SocketError.ConnectionReset)), FailureKind.Transient, true },
            { "tls", Wrapped(new AuthenticationException("bad certificate")), FailureKind.Tls, true },
            { "http", new HttpRequestException("dropped"), FailureKind.Transient, true },
            { "io", new IOException("broken pipe"), FailureKind.Transient, true },
            { "timeout", new TimeoutException(), FailureKind.Transient, true },
            { "sdk timeout", new TaskCanceledException(), FailureKind.Transient, false },
            {
                "sdk credentials",
                new AmazonClientException("Unable to get credentials"),
                FailureKind.Credentials,
                true
            },
            { "sdk other", new AmazonClientException("Something else"), FailureKind.Refused, true },
            { "lost", new AnswerLostException("DeleteJob", new IOException()), FailureKind.AnswerLost, true },
            { "unreachable", Unreachable(FailureKind.Tls), FailureKind.Tls, true },
            { "bug", new InvalidOperationException("a bug"), FailureKind.Refused, false },
            { "argument", new ArgumentException("bad input"), FailureKind.Refused, false },
        };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_exception_has_one_kind_and_one_answer_to_whether_a_call_failed(
        string name,
        Exception e,
        FailureKind kind,
        bool callFailure
    )
    {
        Assert.Equal(kind, ServiceFailure.KindOf(e));
        Assert.Equal(callFailure, ServiceFailure.IsCallFailure(e));
        Assert.Equal(
            kind is FailureKind.Unreachable or FailureKind.Tls or FailureKind.Credentials,
            ServiceFailure.EndsTheCommand(e)
        );
        Assert.False(string.IsNullOrEmpty(name));
    }

    private static HttpRequestException Wrapped(Exception inner) => new("request failed", inner);

    private static ServiceUnreachableException Unreachable(FailureKind kind) =>
        new(kind, Location, Wrapped(new AuthenticationException("bad certificate")));
}
