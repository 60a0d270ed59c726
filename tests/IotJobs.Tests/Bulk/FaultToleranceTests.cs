using System.Text.RegularExpressions;
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

    /// <summary>
    /// Random faults on every request of a 100-item stop: whatever the luck of the draw, each item is reported as what
    /// the service did with it. Stopped (written, or said when only its -PassThru read failed) exactly when the
    /// service canceled it; refused or failed with why when it did not; unknown only when neither the answer nor a
    /// later look came back. The summary counts the same, and nothing the service applied is sent again.
    /// </summary>
    [Theory]
    [InlineData(20261124, 0.034, 0.017, 0.017, 0.034, 0.0)]
    // A harsher mix: 10% 503, 5% connections cut before and 15% after the service acted.
    [InlineData(4242, 0.10, 0.05, 0.15, 0.0, 0.0)]
    // The same, with half the looks at an execution answered 503: lost answers whose look fails too.
    [InlineData(4243, 0.10, 0.05, 0.15, 0.0, 0.5)]
    public async Task Stopping_100_executions_under_faults(
        int seed,
        double unavailable,
        double cutBefore,
        double cutAfter,
        double throttled,
        double looksUnavailable
    )
    {
        await using var sim = await Sim.StartAsync(o => o.RandomSeed = seed);
        sim.Store.AddJob("j");
        var things = Enumerable.Range(0, 100).Select(i => $"thing-{i:D3}").ToList();
        foreach (var t in things)
            sim.Store.AddExecution("j", t);
        using var ps = PsSession.Start(sim);
        ps.Run("$executions = Get-IotJobExecution -JobId j");
        sim.Faults.Add(
            new FaultRule(FaultKind.ServiceUnavailable)
            {
                Operation = "DescribeJobExecution",
                Probability = looksUnavailable,
            }
        );
        sim.Faults.Add(new FaultRule(FaultKind.ServiceUnavailable) { Probability = unavailable });
        sim.Faults.Add(new FaultRule(FaultKind.ConnectionReset) { Probability = cutBefore });
        sim.Faults.Add(new FaultRule(FaultKind.ConnectionReset) { Probability = cutAfter, AfterApplying = true });
        sim.Faults.Add(new FaultRule(FaultKind.Throttle) { Probability = throttled });

        var r = ps.Run(
            "$executions | Stop-IotJobExecution -ThrottleLimit 4 -PassThru -InformationVariable info "
                + "-WarningVariable warned; $info.MessageData; $warned"
        );

        var canceled = things.Where(t => sim.Store.FindExecution("j", t)!.Status == "CANCELED").ToHashSet();
        var written = r.Objects<IotJobExecution>().Select(e => e.ThingName).ToList();
        var readFailed = r.Objects<System.Management.Automation.WarningRecord>()
            .Select(w => Regex.Match(w.Message, "on thing '([^']+)'").Groups[1].Value)
            .ToList();
        var unknown = r.Errors.Where(e => e.FullyQualifiedErrorId.StartsWith("AnswerLost,")).ToList();
        var failed = r.Errors.Except(unknown).Select(e => ((IotJobExecution)e.TargetObject).ThingName).ToList();
        var stopped = written.Concat(readFailed).ToList();
        // Every item is reported once, and as what the service did.
        Assert.Equal(things, stopped.Concat(failed).Concat(unknown.Select(Thing)).Order());
        Assert.All(stopped, t => Assert.Contains(t, canceled));
        Assert.All(failed, t => Assert.DoesNotContain(t, canceled));
        Assert.All(r.Objects<IotJobExecution>(), e => Assert.Equal("CANCELED", e.Status));
        var summary = Assert.Single(r.Objects<IotJobsSummary>());
        Assert.Equal(stopped.Count, summary.Changed);
        Assert.Equal(unknown.Count, summary.Unknown);
        Assert.Equal(100, summary.Total);
        Assert.Equal(canceled.Count, summary.Changed + unknown.Select(Thing).Count(canceled.Contains));
        Assert.Contains(sim.Requests, q => q.Status == 0);
        Assert.Contains(sim.Requests, q => q.Status == 503);
        AssertNothingAcceptedWasSentAgain(sim, "PUT", q => q.RawPath);
    }

    private static string Thing(System.Management.Automation.ErrorRecord e) =>
        ((IotJobExecution)e.TargetObject).ThingName;

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
