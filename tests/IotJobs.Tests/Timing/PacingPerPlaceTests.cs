using Amazon.Runtime;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Simulator;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Timing;

/// <summary>
/// Pacing is keyed by what the service limits: one API, for one account (its credentials), in one region. Two
/// clients share one registry on a clock that never moves: once an account is throttled and paced, a request that
/// shared its pacer would wait for that clock forever; one that does not share it goes at once.
/// </summary>
public sealed class PacingPerPlaceTests
{
    private const string OtherKey = "AKIAOTHERACCOUNT0001";
    private const string OtherSecret = "other/secret/key";
    private const string OtherAccount = "210987654321";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly WatchedClock clock = new();

    private readonly List<AttemptRecord> attempts = [];

    private IotJobsClient Client(IotJobsSimulator sim, AWSCredentials credentials, IotJobsClientOptions options) =>
        new IotJobsConnection
        {
            EndpointUrl = sim.Endpoint.ToString(),
            Region = "us-east-1",
            Credentials = credentials,
            Options = options,
            ObserveAttempt = a =>
            {
                lock (attempts)
                    attempts.Add(a);
            },
        }.CreateClient();

    [Fact]
    public async Task A_throttled_account_slows_neither_another_account_nor_another_API()
    {
        // The simulator's own account may list jobs once a minute and is throttled past that; the other is not.
        await using var sim = await Sim.StartAsync(o =>
        {
            o.Credentials[OtherKey] = new SimulatorCredential(OtherSecret, AccountId: OtherAccount);
            var slow = new AccountRateLimits();
            slow.RateLimits["ListJobs"] = 1.0 / 60;
            o.AccountRateLimits[o.AccountId] = slow;
        });
        sim.Store.AddJob("mine");
        sim.StoreFor(OtherAccount).AddJob("theirs");
        var options = new IotJobsClientOptions { Time = clock };
        using var throttled = Client(sim, Sim.Credentials, options);
        using var other = Client(sim, new BasicAWSCredentials(OtherKey, OtherSecret), options);

        await throttled.ListJobsAsync(new ListJobsRequest());
        // The second listing is throttled, and waits for its pacing and backoff: on this clock, for good.
        var paced = throttled.ListJobsAsync(new ListJobsRequest());
        // The client has its answer (and has paced the account) once it reports the attempt.
        await Eventually.HoldsAsync(
            () =>
            {
                lock (attempts)
                    return attempts.Any(a => a.Error == "ThrottlingException");
            },
            "the second listing to be throttled"
        );

        var otherAccount = other.ListJobsAsync(new ListJobsRequest());
        var otherApi = throttled.DescribeJobAsync(new DescribeJobRequest { JobId = "mine" });

        Assert.Same(otherAccount, await Task.WhenAny(otherAccount, Task.Delay(Bound)));
        Assert.Equal(["theirs"], (await otherAccount).Jobs.Select(j => j.JobId));
        Assert.Same(otherApi, await Task.WhenAny(otherApi, Task.Delay(Bound)));
        Assert.False(paced.IsCompleted, "the throttled account's listing should still be waiting for its turn");
    }
}
