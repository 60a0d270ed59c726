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
        sim.Faults.Add(new FaultRule(FaultKind.ConnectionReset) { Probability = 0.017 });
        // The worst case: the service applied the change and only the answer was lost.
        sim.Faults.Add(new FaultRule(FaultKind.ConnectionReset) { Probability = 0.017, AfterApplying = true });
        sim.Faults.Add(new FaultRule(FaultKind.Throttle) { Probability = 0.034 });
    }

    [Theory]
    [InlineData("Stop-IotJob j -PassThru", "CancelJob", true)]
    [InlineData("Remove-IotJob done -Force -PassThru", "DeleteJob", true)]
    [InlineData("Stop-IotJobExecution j t -PassThru", "CancelJobExecution", true)]
    [InlineData(
        "Get-IotJobExecution -JobId done -ThingName t | Remove-IotJobExecution -Force",
        "DeleteJobExecution",
        false
    )]
    public async Task A_change_applied_whose_answer_was_lost_counts_as_done_and_is_not_sent_again(
        string script,
        string operation,
        bool writes
    )
    {
        await using var sim = await Sim.StartAsync(o => o.DeletionDuration = TimeSpan.FromMinutes(5));
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "t", "QUEUED");
        sim.Store.AddJob("done", "COMPLETED");
        sim.Store.AddExecution("done", "t", "SUCCEEDED");
        sim.Faults.Add(
            new FaultRule(FaultKind.ConnectionReset)
            {
                Operation = operation,
                AfterApplying = true,
                Times = 1,
            }
        );
        using var ps = PsSession.Start(sim);

        var r = ps.Run(script);

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal(writes ? 1 : 0, r.Output.Count);
        var sent = Assert.Single(sim.Requests, q => q.Operation == operation);
        Assert.True(sent.Applied);
        Assert.Equal(0, sent.Status);
    }

    [Fact]
    public async Task A_change_lost_before_it_was_applied_is_sent_again()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "t", "QUEUED");
        sim.Faults.Add(new FaultRule(FaultKind.ConnectionReset) { Operation = "CancelJobExecution", Times = 1 });
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Stop-IotJobExecution j t");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal([0, 200], sim.Requests.Where(q => q.Operation == "CancelJobExecution").Select(q => q.Status));
        Assert.Equal("CANCELED", sim.Store.FindExecution("j", "t")!.Status);
    }

    /// <summary>For each item, its mutating requests: none after the one the service applied.</summary>
    private static void AssertNothingAcceptedWasSentAgain(
        IotJobsSimulator sim,
        string method,
        Func<RecordedRequest, string> item
    )
    {
        foreach (var group in sim.Requests.Where(q => q.Method == method).GroupBy(item))
        {
            var sent = group.OrderBy(q => q.Sequence).ToList();
            int applied = sent.FindIndex(q => q.Applied);
            Assert.True(
                applied < 0 || applied == sent.Count - 1,
                $"{group.Key}: sent again after it was applied: {string.Join(" | ", sent)}"
            );
        }
    }

    [Fact]
    public async Task Stopping_100_executions_under_faults()
    {
        await using var sim = await Sim.StartAsync(o => o.RandomSeed = 20261124);
        sim.Store.AddJob("j");
        var things = Enumerable.Range(0, 100).Select(i => $"thing-{i:D3}").ToList();
        foreach (var t in things)
            sim.Store.AddExecution("j", t);
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
        await using var sim = await Sim.StartAsync(o =>
        {
            o.RandomSeed = 7;
            o.DeletionDuration = TimeSpan.FromMilliseconds(300);
        });
        var jobs = Enumerable.Range(0, 30).Select(i => $"job-{i:D2}").ToList();
        foreach (var j in jobs)
            sim.Store.AddJob(j, "CANCELED");
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
