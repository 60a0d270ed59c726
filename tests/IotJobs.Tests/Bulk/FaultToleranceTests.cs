using IotJobs.Model;
using IotJobs.Simulator;
using IotJobs.Simulator.Http;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Bulk;

/// <summary>
/// One request in ten fails at random (503, dropped connection, throttled): every item still ends
/// exactly once, as a success or a reported error, and no request the service accepted is sent again.
/// </summary>
public sealed class FaultToleranceTests
{
    private static void InjectRandomFaults(IotJobsSimulator sim)
    {
        sim.Faults.Add(new FaultRule(FaultKind.ServiceUnavailable) { Probability = 0.034 });
        sim.Faults.Add(new FaultRule(FaultKind.ConnectionReset) { Probability = 0.034 });
        sim.Faults.Add(new FaultRule(FaultKind.Throttle) { Probability = 0.034 });
    }

    /// <summary>For each item, its mutating requests: none after the one the service applied.</summary>
    private static void AssertNothingAcceptedWasSentAgain(IotJobsSimulator sim, string method, Func<RecordedRequest, string> item)
    {
        foreach (var group in sim.Requests.Where(q => q.Method == method).GroupBy(item))
        {
            var sent = group.OrderBy(q => q.Sequence).ToList();
            int applied = sent.FindIndex(q => q.Applied);
            Assert.True(applied < 0 || applied == sent.Count - 1, $"{group.Key}: sent again after it was applied: {string.Join(" | ", sent)}");
        }
    }

    [Fact]
    public async Task Stopping_100_executions_under_faults()
    {
        await using var sim = await Sim.StartAsync(o => o.RandomSeed = 20261124);
        sim.Store.AddJob("j");
        var things = Enumerable.Range(0, 100).Select(i => $"thing-{i:D3}").ToList();
        foreach (var t in things) sim.Store.AddExecution("j", t);
        InjectRandomFaults(sim);
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJobExecution -JobId j | Stop-IotJobExecution -ThrottleLimit 4 -PassThru");

        var succeeded = r.Objects<IotJobExecution>().Select(e => e.ThingName).ToList();
        var failed = r.Errors.Select(e => ((IotJobExecution)e.TargetObject).ThingName).ToList();
        Assert.Equal(things, succeeded.Concat(failed).Order());
        Assert.All(succeeded, t => Assert.Equal("CANCELED", sim.Store.FindExecution("j", t)!.Status));
        Assert.Contains(sim.Requests, q => q.Status == 0);
        Assert.Contains(sim.Requests, q => q.Status == 503);
        Assert.Contains(sim.Requests, q => q.ErrorType == "ThrottlingException");
        AssertNothingAcceptedWasSentAgain(sim, "PUT", q => q.RawPath);
        Assert.Empty(failed);
    }

    [Fact]
    public async Task Removing_30_jobs_under_faults_and_the_deletion_limit()
    {
        await using var sim = await Sim.StartAsync(o => { o.RandomSeed = 7; o.DeletionDuration = TimeSpan.FromMilliseconds(300); });
        var jobs = Enumerable.Range(0, 30).Select(i => $"job-{i:D2}").ToList();
        foreach (var j in jobs) sim.Store.AddJob(j, "CANCELED");
        InjectRandomFaults(sim);
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob | Remove-IotJob -Force -Wait -PassThru");

        var succeeded = r.Objects<IotJob>().Select(j => j.JobId).ToList();
        var failed = r.Errors.Select(e => ((IotJob)e.TargetObject).JobId).ToList();
        Assert.Equal(jobs, succeeded.Concat(failed).Order());
        Assert.All(succeeded, j => Assert.Null(sim.Store.FindJob(j)));
        AssertNothingAcceptedWasSentAgain(sim, "DELETE", q => q.RawPath);
        Assert.Empty(failed);
    }
}
