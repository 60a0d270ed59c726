using System.Management.Automation;
using IotJobs.Model;
using IotJobs.Simulator.Http;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Reports;

/// <summary>
/// An item's outcome is the change's own answer: a -PassThru read that fails after the change was applied is said
/// beside it, and the item counts as changed.
/// </summary>
public sealed class ReadBackTests
{
    [Theory]
    [InlineData(
        "Stop-IotJobExecution -JobId rollout -ThingName t1 -PassThru",
        "DescribeJobExecution",
        "CancelJobExecution",
        "Stopped the execution of job 'rollout' on thing 't1', but reading it back for -PassThru failed",
        "1 execution: 1 stopped."
    )]
    [InlineData(
        "Stop-IotJob rollout -PassThru",
        "DescribeJob",
        "CancelJob",
        "Stopped job 'rollout', but reading it back for -PassThru failed",
        "1 job: 1 stopped."
    )]
    public async Task A_change_applied_whose_read_back_failed_counts_as_changed_and_says_the_read_failed(
        string command,
        string read,
        string change,
        string warned,
        string summary
    )
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("rollout");
        sim.Store.AddExecution("rollout", "t1", "QUEUED");
        sim.Faults.Add(new FaultRule(FaultKind.ServiceUnavailable) { Operation = read, Times = 3 });
        using var ps = PsSession.Start(sim);

        var r = ps.Run($"{command} -WarningVariable warned -InformationVariable info; $warned; $info.MessageData");

        Assert.Empty(r.Errors);
        Assert.Equal(200, Assert.Single(sim.Requests, q => q.Operation == change).Status);
        Assert.Equal("CANCELED", sim.Store.FindExecution("rollout", "t1")!.Status);
        var warning = Assert.Single(r.Objects<WarningRecord>());
        Assert.StartsWith(warned, warning.Message);
        Assert.Contains("the service is unavailable", warning.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(summary, Assert.Single(r.Objects<IotJobsSummary>()).ToString());
        Assert.Empty(r.Objects<IotJobsItem>());
    }

    [Fact]
    public async Task A_change_refused_is_not_counted_as_changed_and_its_error_is_the_services_answer()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("rollout");
        sim.Store.AddExecution("rollout", "t1", "IN_PROGRESS");
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            "Stop-IotJobExecution -JobId rollout -ThingName t1 -PassThru -InformationVariable info; $info.MessageData"
        );

        Assert.StartsWith("InvalidStateTransition,", Assert.Single(r.Errors).FullyQualifiedErrorId);
        Assert.Equal(
            "1 execution: 0 stopped, 1 needs -Force (IN_PROGRESS).",
            Assert.Single(r.Objects<IotJobsSummary>()).ToString()
        );
        Assert.Equal("IN_PROGRESS", sim.Store.FindExecution("rollout", "t1")!.Status);
    }
}
