using IotJobs.Model;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Bulk;

/// <summary>
/// -ThrottleLimit sends concurrently; output, errors and prompts stay in input order on the pipeline thread.
/// </summary>
public sealed class ConcurrencyTests
{
    private static int MaxOverlap(IEnumerable<IotJobs.Simulator.Http.RecordedRequest> requests)
    {
        var events = requests
            .SelectMany(q => new[] { (At: q.ReceivedAt, Delta: 1), (At: q.AnsweredAt!.Value, Delta: -1) })
            .OrderBy(e => e.At)
            .ThenBy(e => e.Delta);
        int now = 0,
            max = 0;
        foreach (var e in events)
            max = Math.Max(max, now += e.Delta);
        return max;
    }

    [Fact]
    public async Task ThrottleLimit_overlaps_requests_and_keeps_output_and_errors_in_input_order()
    {
        await using var sim = await Sim.StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(150));
        sim.Store.AddJob("j");
        foreach (var t in new[] { "t1", "t2", "t4", "t5", "t6", "t7" })
            sim.Store.AddExecution("j", t);
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            "'t1','t2','t3','t4','t5','t6','t7' | ForEach-Object { [pscustomobject]@{ JobId = 'j'; "
                + "ThingName = $_ } } | Stop-IotJobExecution -ThrottleLimit 4 -PassThru"
        );

        Assert.Equal(["t1", "t2", "t4", "t5", "t6", "t7"], r.Objects<IotJobExecution>().Select(e => e.ThingName));
        // The error's target is the item as it was piped, so it can be piped again.
        Assert.Equal(
            "t3",
            ((System.Management.Automation.PSObject)Assert.Single(r.Errors).TargetObject)
                .Properties["ThingName"]
                .Value?.ToString()
        );
        Assert.True(MaxOverlap(sim.Requests.Where(q => q.Method == "PUT")) > 1, "requests never overlapped");
    }

    [Fact]
    public async Task The_default_sends_one_item_at_a_time()
    {
        await using var sim = await Sim.StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(50));
        for (int i = 0; i < 5; i++)
            sim.Store.AddJob($"j{i}");
        using var ps = PsSession.Start(sim);

        ps.Run("Get-IotJob | Stop-IotJob");

        Assert.Equal(1, MaxOverlap(sim.Requests.Where(q => q.Method == "PUT")));
        Assert.Equal(
            Enumerable.Range(0, 5).Select(i => $"/jobs/j{i}/cancel"),
            sim.Requests.Where(q => q.Method == "PUT").Select(q => q.RawPath)
        );
    }

    [Fact]
    public async Task With_the_default_ErrorAction_Stop_sends_nothing_after_the_failing_item()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("b", "CANCELED");
        using var ps = PsSession.Start(sim);

        ps.Run("'missing','b' | Remove-IotJob -Force -ErrorAction Stop");

        Assert.Equal(["/jobs/missing"], sim.Requests.ExceptOwnershipLookup().Select(q => q.RawPath));
    }

    [Fact]
    public async Task Throttling_slows_the_batch_instead_of_failing_items()
    {
        await using var sim = await Sim.StartAsync(o => o.RateLimits["CancelJobExecution"] = 5);
        sim.Store.AddJob("j");
        for (int i = 0; i < 30; i++)
            sim.Store.AddExecution("j", $"t{i:D2}");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJobExecution -JobId j | Stop-IotJobExecution -ThrottleLimit 4");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Contains(sim.Requests, q => q.ErrorType == "ThrottlingException");
        Assert.All(sim.Store.FindJob("j")!.ExecutionList, e => Assert.Equal("CANCELED", e.Status));
        Assert.Equal(30, sim.Requests.Count(q => q.Method == "PUT" && q.Status == 200));
    }
}
