using System.Diagnostics;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Simulator;
using IotJobs.Simulator.Http;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Timing;

/// <summary>
/// The real client over signed HTTP against the simulator, its waits on a fake clock: what takes seconds of
/// backoff and pacing takes milliseconds here, and the waits themselves can be read.
/// </summary>
public sealed class ClientOnFakeClockTests
{
    private readonly WatchedClock clock = new();
    private readonly List<(TimeSpan At, AttemptRecord Attempt)> attempts = [];

    private IotJobsClient Client(IotJobsSimulator sim) =>
        new IotJobsConnection
        {
            EndpointUrl = sim.Endpoint.ToString(),
            Region = "us-east-1",
            Credentials = Sim.Credentials,
            ObserveAttempt = a =>
            {
                lock (attempts)
                    attempts.Add((clock.Elapsed, a));
            },
            Options = new IotJobsClientOptions { Time = clock, Jitter = new Jitter(5) },
        }.CreateClient();

    [Fact]
    public async Task Throttling_is_waited_out_paced_and_backed_off_without_using_up_attempts()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", "CANCELED");
        sim.Faults.Add(new FaultRule(FaultKind.Throttle) { Operation = "DeleteJob", Times = 6 });
        using var client = Client(sim);
        var real = Stopwatch.StartNew();

        await clock.RunAsync(client.DeleteJobAsync(new DeleteJobRequest { JobId = "j" }));

        Assert.Equal(7, sim.Requests.Count(q => q.Operation == "DeleteJob"));
        Assert.Equal(1, sim.Requests.Count(q => q.Applied));
        Assert.Equal("DELETION_IN_PROGRESS", sim.Store.FindJob("j")!.Status);
        Assert.All(attempts, a => Assert.Equal(1, a.Attempt.Attempt)); // throttles are not attempts
        Assert.Equal([400, 400, 400, 400, 400, 400, 200], attempts.Select(a => a.Attempt.Status));
        // Each throttle paces the endpoint at the rate granted (none answered before: the least, one every 2 s)
        // and backs the request off (0.2 s doubling to 5 s, jittered): every try waits at least 2 s.
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b.At - a.At).ToList();
        Assert.All(gaps, gap => Assert.True(gap >= TimeSpan.FromSeconds(1.999), $"a try after only {gap}"));
        Assert.True(gaps[^1] >= TimeSpan.FromSeconds(2.5), "the last backoff (5 s, at least half of it) counts");
        Assert.True(real.Elapsed < TimeSpan.FromSeconds(5), $"took {real.Elapsed} of real time");
        // The wait for the pace is reported with the attempt it held back, as -Debug shows it.
        // The first try was not paced; the second waited out the 2 s pace less its backoff (at most 0.2 s).
        Assert.Equal(TimeSpan.Zero, attempts[0].Attempt.Paced);
        Assert.InRange(attempts[1].Attempt.Paced, TimeSpan.FromSeconds(1.8), TimeSpan.FromSeconds(2));
        Assert.Matches(
            @"^DeleteJob attempt 1: DELETE http://127\.0\.0\.1:\d+/jobs/j -> 400 ThrottlingException; request id "
                + @"[0-9a-f-]{36}; \d+ ms, after 1,[89]\d\d ms waiting for the pace\.$",
            attempts[1].Attempt.ToDebugString()
        );
    }

    [Fact]
    public async Task Each_attempt_is_reported_with_its_number()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Faults.Add(new FaultRule(FaultKind.ServiceUnavailable) { Operation = "DescribeJob", Times = 2 });
        using var client = Client(sim);

        await clock.RunAsync(client.DescribeJobAsync(new DescribeJobRequest { JobId = "j" }));

        Assert.Equal([(1, 503), (2, 503), (3, 200)], attempts.Select(a => (a.Attempt.Attempt, a.Attempt.Status)));
    }
}
