using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Amazon.Runtime;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Simulator;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Simulator;

/// <summary>
/// The simulator refuses what the real service refuses: unsigned requests, signatures for another
/// service or region, stale or tampered ones. The two requests below were signed by botocore
/// (`aws iot ...` with access key AKIDEXAMPLE and secret key "secret"), an implementation
/// independent of both the simulator and the module.
/// </summary>
public sealed class SignatureCheckTests
{
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 24, 6, 24, 7, TimeSpan.Zero);

    private sealed record Captured(
        string Method,
        string PathAndQuery,
        string AmzDate,
        string SignedHeaders,
        string Signature,
        string? Body
    );

    private static readonly Captured BotocoreListJobs = new(
        "GET",
        "/jobs?status=IN_PROGRESS&maxResults=5",
        "20261124T062403Z",
        "host;x-amz-date",
        "95303654d1a9fecf5fcd4008db0353abd0d61d9daddfea99e7f0f842bd44a148",
        null
    );

    private static readonly Captured BotocoreCancelExecution = new(
        "PUT",
        "/things/a%3Ab/jobs/fw-1/cancel?force=true",
        "20261124T062407Z",
        "content-type;host;x-amz-date",
        "7ab865e24e2d9a97887c77c17650f8a64eea24c6f5a1b465a76e09fbc5ab9e8d",
        """{"expectedVersion": 4, "statusDetails": {"k1": "v1", "k2": "v2"}}"""
    );

    private static Task<IotJobsSimulator> StartAt(DateTimeOffset now) =>
        Sim.StartAsync(o =>
        {
            o.Clock = new ManualClock(now);
            o.Credentials["AKIDEXAMPLE"] = new SimulatorCredential("secret");
        });

    private static async Task<(HttpStatusCode Status, string? ErrorType)> Replay(
        IotJobsSimulator sim,
        Captured c,
        Func<string, string>? editAuthorization = null,
        string? pathAndQuery = null,
        string? body = null,
        bool withAuthorization = true
    )
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(
            new HttpMethod(c.Method),
            new Uri(sim.Endpoint, pathAndQuery ?? c.PathAndQuery)
        );
        request.Headers.Host = "127.0.0.1:5099"; // the host botocore signed
        request.Headers.TryAddWithoutValidation("X-Amz-Date", c.AmzDate);
        string authorization =
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/{c.AmzDate[..8]}/us-east-1/iot/aws4_request, "
            + $"SignedHeaders={c.SignedHeaders}, Signature={c.Signature}";
        if (withAuthorization)
            request.Headers.TryAddWithoutValidation("Authorization", (editAuthorization ?? (a => a))(authorization));
        if ((body ?? c.Body) is { } content)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        using var response = await http.SendAsync(request);
        return (response.StatusCode, response.Headers.TryGetValues("x-amzn-ErrorType", out var t) ? t.First() : null);
    }

    [Fact]
    public async Task Accepts_requests_signed_by_botocore()
    {
        await using var sim = await StartAt(SignedAt);

        Assert.Equal((HttpStatusCode.OK, null), await Replay(sim, BotocoreListJobs));
        // The job does not exist: the request got past the signature check to the operation.
        Assert.Equal(
            (HttpStatusCode.NotFound, "ResourceNotFoundException"),
            await Replay(sim, BotocoreCancelExecution)
        );
    }

    [Fact]
    public async Task Refuses_a_tampered_body_query_or_path()
    {
        await using var sim = await StartAt(SignedAt);
        var refused = (HttpStatusCode.Forbidden, "InvalidSignatureException");

        Assert.Equal(
            refused,
            await Replay(
                sim,
                BotocoreCancelExecution,
                body: """{"expectedVersion": 5, "statusDetails": {"k1": "v1", "k2": "v2"}}"""
            )
        );
        Assert.Equal(
            refused,
            await Replay(sim, BotocoreCancelExecution, pathAndQuery: "/things/a%3Ab/jobs/fw-1/cancel?force=false")
        );
        Assert.Equal(
            refused,
            await Replay(sim, BotocoreCancelExecution, pathAndQuery: "/things/a%3Ac/jobs/fw-1/cancel?force=true")
        );
    }

    [Fact]
    public async Task Refuses_a_valid_signature_for_another_service()
    {
        await using var sim = await Sim.StartAsync();
        // Signed correctly, but as SDKs from before 2023 sign for IoT: with the name execute-api.
        var config = new IotJobsClientConfig
        {
            ServiceURL = sim.Endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
            AuthenticationServiceName = "execute-api",
        };
        using var client = new IotJobsClient(Sim.Credentials, config);

        var e = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            client.ListJobsAsync(new ListJobsRequest())
        );

        Assert.Contains("/execute-api/aws4_request", Assert.Single(sim.Requests).Headers["authorization"]);
        Assert.Contains("'iot'", e.Message);
    }

    [Fact]
    public async Task Refuses_an_unsigned_request()
    {
        await using var sim = await StartAt(SignedAt);

        Assert.Equal(
            (HttpStatusCode.Forbidden, "MissingAuthenticationTokenException"),
            await Replay(sim, BotocoreListJobs, withAuthorization: false)
        );
    }

    [Fact]
    public async Task Refuses_a_signature_older_than_fifteen_minutes()
    {
        await using var sim = await StartAt(SignedAt.AddMinutes(16));

        Assert.Equal((HttpStatusCode.Forbidden, "InvalidSignatureException"), await Replay(sim, BotocoreListJobs));
    }

    [Fact]
    public async Task Refuses_a_signature_for_another_region()
    {
        await using var sim = await Sim.StartAsync();
        using var client = Sim.Client(sim, region: "eu-west-1");

        var e = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            client.ListJobsAsync(new ListJobsRequest())
        );

        Assert.Contains("region", e.Message);
    }

    [Fact]
    public async Task The_client_signs_for_the_region_it_is_given_with_an_endpoint_override()
    {
        await using var sim = await Sim.StartAsync(o => o.Region = "eu-west-1");
        using var client = Sim.Client(sim, region: "eu-west-1");

        await client.ListJobsAsync(new ListJobsRequest());

        Assert.Contains("/eu-west-1/iot/aws4_request", Assert.Single(sim.Requests).Headers["authorization"]);
    }

    [Fact]
    public async Task Temporary_credentials_need_their_session_token()
    {
        await using var sim = await Sim.StartAsync(o =>
            o.Credentials["ASIATEMPORARY"] = new SimulatorCredential("temp-secret", "the-session-token")
        );
        using var good = Sim.Client(
            sim,
            credentials: new SessionAWSCredentials("ASIATEMPORARY", "temp-secret", "the-session-token")
        );
        using var bad = Sim.Client(
            sim,
            credentials: new SessionAWSCredentials("ASIATEMPORARY", "temp-secret", "another-token")
        );

        await good.ListJobsAsync(new ListJobsRequest());
        await Assert.ThrowsAsync<AuthenticationFailedException>(() => bad.ListJobsAsync(new ListJobsRequest()));

        Assert.Equal("the-session-token", sim.Requests[0].Headers["x-amz-security-token"]);
    }
}
