using System.Net;
using Amazon.Runtime;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Simulator.Http;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Client;

/// <summary>
/// Each error answer of the service surfaces as its own exception, with message, code, status and request id.
/// </summary>
public sealed class ErrorMappingTests
{
    private static void AssertCarries(IotJobsServiceException e, HttpStatusCode status, string code)
    {
        Assert.Equal(status, e.StatusCode);
        Assert.Equal(code, e.ErrorCode);
        Assert.True(Guid.TryParse(e.RequestId, out _), $"request id '{e.RequestId}'");
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public async Task Missing_job_is_ResourceNotFound()
    {
        await using var sim = await Sim.StartAsync();
        using var client = Sim.Client(sim);

        var e = await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            client.DescribeJobAsync(new DescribeJobRequest { JobId = "nope" })
        );

        AssertCarries(e, HttpStatusCode.NotFound, "ResourceNotFoundException");
        Assert.Contains("nope", e.Message);
    }

    [Fact]
    public async Task Deleting_an_in_progress_job_without_force_is_InvalidStateTransition()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", "IN_PROGRESS");
        using var client = Sim.Client(sim);

        var e = await Assert.ThrowsAsync<InvalidStateTransitionException>(() =>
            client.DeleteJobAsync(new DeleteJobRequest { JobId = "j" })
        );

        AssertCarries(e, HttpStatusCode.Conflict, "InvalidStateTransitionException");
    }

    [Fact]
    public async Task Expected_version_mismatch_is_VersionConflict()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "t", "QUEUED", versionNumber: 3);
        using var client = Sim.Client(sim);

        var e = await Assert.ThrowsAsync<VersionConflictException>(() =>
            client.CancelJobExecutionAsync(
                new CancelJobExecutionRequest
                {
                    JobId = "j",
                    ThingName = "t",
                    ExpectedVersion = 2,
                }
            )
        );

        AssertCarries(e, HttpStatusCode.Conflict, "VersionConflictException");
    }

    [Fact]
    public async Task Eleventh_deletion_is_LimitExceeded_and_is_not_retried()
    {
        await using var sim = await Sim.StartAsync(o => o.DeletionDuration = TimeSpan.FromMinutes(5));
        for (int i = 0; i < 11; i++)
            sim.Store.AddJob($"j{i}", "CANCELED");
        using var client = Sim.Client(sim);
        for (int i = 0; i < 10; i++)
            await client.DeleteJobAsync(new DeleteJobRequest { JobId = $"j{i}" });
        sim.ClearRequests();

        var e = await Assert.ThrowsAsync<LimitExceededException>(() =>
            client.DeleteJobAsync(new DeleteJobRequest { JobId = "j10" })
        );

        AssertCarries(e, HttpStatusCode.Gone, "LimitExceededException");
        Assert.Single(sim.Requests);
    }

    [Fact]
    public async Task Bad_input_is_InvalidRequest()
    {
        await using var sim = await Sim.StartAsync();
        using var client = Sim.Client(sim);

        var e = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            client.ListJobsAsync(new ListJobsRequest { MaxResults = 251 })
        );

        AssertCarries(e, HttpStatusCode.BadRequest, "InvalidRequestException");
    }

    [Fact]
    public async Task The_deletion_quota_worded_as_throttling_is_LimitExceeded()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", "CANCELED");
        sim.Faults.Add(Sim.DeletionQuotaWordedAsThrottling());
        using var client = Sim.Client(sim);

        var e = await Assert.ThrowsAsync<LimitExceededException>(() =>
            client.DeleteJobAsync(new DeleteJobRequest { JobId = "j" })
        );

        AssertCarries(e, HttpStatusCode.BadRequest, "ThrottlingException");
        Assert.Single(sim.Requests);
    }

    [Fact]
    public async Task Persistent_503_is_ServiceUnavailable_after_the_retries()
    {
        await using var sim = await Sim.StartAsync();
        sim.Faults.Add(new FaultRule(FaultKind.ServiceUnavailable));
        using var client = Sim.Client(sim);

        var e = await Assert.ThrowsAsync<ServiceUnavailableException>(() =>
            client.ListJobsAsync(new ListJobsRequest())
        );

        AssertCarries(e, HttpStatusCode.ServiceUnavailable, "ServiceUnavailableException");
        Assert.Equal(3, sim.Requests.Count);
    }

    [Fact]
    public async Task Wrong_secret_key_is_AuthenticationFailed()
    {
        await using var sim = await Sim.StartAsync();
        using var client = Sim.Client(
            sim,
            credentials: new BasicAWSCredentials(IotJobs.Simulator.SimulatorOptions.DefaultAccessKeyId, "wrong")
        );

        var e = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            client.ListJobsAsync(new ListJobsRequest())
        );

        AssertCarries(e, HttpStatusCode.Forbidden, "InvalidSignatureException");
    }

    [Fact]
    public async Task Unknown_access_key_is_AuthenticationFailed()
    {
        await using var sim = await Sim.StartAsync();
        using var client = Sim.Client(sim, credentials: new BasicAWSCredentials("AKIAUNKNOWN", "x"));

        var e = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            client.ListJobsAsync(new ListJobsRequest())
        );

        AssertCarries(e, HttpStatusCode.Forbidden, "UnrecognizedClientException");
    }
}
