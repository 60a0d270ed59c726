using IotJobs.Tests.Support;

namespace IotJobs.Tests.Reports;

/// <summary>What-if lines and prompts say what a change does to the executions it leaves alone.</summary>
public sealed class ConsequenceTests
{
    private static async Task<IotJobs.Simulator.IotJobsSimulator> Rollout()
    {
        var sim = await Sim.StartAsync();
        sim.Store.AddJob("fw-2024-11-rollout");
        sim.Store.AddExecution("fw-2024-11-rollout", "t1", "IN_PROGRESS");
        sim.Store.AddExecution("fw-2024-11-rollout", "t2", "IN_PROGRESS");
        sim.Store.AddExecution("fw-2024-11-rollout", "t3", "QUEUED");
        sim.Store.AddExecution("fw-2024-11-rollout", "t4", "QUEUED");
        sim.Store.AddExecution("fw-2024-11-rollout", "t5", "SUCCEEDED");
        return sim;
    }

    [Fact]
    public async Task Stopping_a_job_without_force_says_its_executions_in_progress_keep_running()
    {
        await using var sim = await Rollout();
        using var ps = PsSession.Start(sim, "Y");

        var dry = ps.Run("Stop-IotJob fw-2024-11-rollout -WhatIf");
        var real = ps.Run("Stop-IotJob fw-2024-11-rollout -Confirm");

        const string line =
            "Stop job 'fw-2024-11-rollout' (IN_PROGRESS, 5 executions), canceling its 2 queued executions; "
            + "its 2 executions in progress keep running (add -Force to cancel them too)";
        Assert.Contains($"What if: {line}.", dry.HostText);
        Assert.Equal([$"Are you sure you want to {char.ToLowerInvariant(line[0])}{line[1..]}?"], real.Prompts);
        // And so it is: what the line said is what the service did.
        Assert.Equal(
            ["IN_PROGRESS", "IN_PROGRESS", "CANCELED", "CANCELED", "SUCCEEDED"],
            new[] { "t1", "t2", "t3", "t4", "t5" }.Select(t => sim.Store.FindExecution("fw-2024-11-rollout", t)!.Status)
        );
    }

    [Fact]
    public async Task Stopping_a_job_with_force_says_its_executions_in_progress_are_canceled_too()
    {
        await using var sim = await Rollout();
        using var ps = PsSession.Start(sim);

        var dry = ps.Run("Stop-IotJob fw-2024-11-rollout -Force -WhatIf");

        Assert.Contains(
            "What if: Stop job 'fw-2024-11-rollout' (IN_PROGRESS, 5 executions), canceling its 2 queued executions, "
                + "and its 2 executions in progress too.",
            dry.HostText
        );
    }
}
