using IotJobs.Tests.Support;

namespace IotJobs.Tests.Ownership;

/// <summary>
/// A SCHEDULED job may already have executions from an earlier maintenance window: what stopping and removing it do.
/// </summary>
public sealed class ScheduledJobTests
{
    private const string Schedule =
        """{"startTime":"2026-12-02T02:00","maintenanceWindows":"""
        + """[{"startTime":"cron(0 2 * * ? *)","durationInMinutes":60}]}""";

    private static async Task<IotJobs.Simulator.IotJobsSimulator> Scheduled()
    {
        var sim = await Sim.StartAsync(o => o.DeletionDuration = TimeSpan.FromMinutes(1));
        sim.Store.AddJob(
            "nightly",
            "SCHEDULED",
            details: new Dictionary<string, string> { ["schedulingConfig"] = Schedule }
        );
        sim.Store.AddExecution("nightly", "sensor-1", "QUEUED");
        sim.Store.AddExecution("nightly", "sensor-2", "SUCCEEDED");
        return sim;
    }

    [Fact]
    public async Task Stopping_a_scheduled_job_cancels_it_and_its_queued_executions_from_an_earlier_window()
    {
        await using var sim = await Scheduled();
        using var ps = PsSession.Start(sim);

        var whatIf = ps.Run("Stop-IotJob nightly -WhatIf");
        var r = ps.Run("Stop-IotJob nightly");

        Assert.Contains(
            "What if: Stop job 'nightly' (SCHEDULED, 2 executions), so that it does not start at its scheduled time; "
                + "executions queued in an earlier maintenance window are canceled.",
            whatIf.HostText
        );
        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal("CANCELED", sim.Store.FindJob("nightly")!.Status);
        Assert.Equal("CANCELED", sim.Store.FindExecution("nightly", "sensor-1")!.Status);
        Assert.Equal("SUCCEEDED", sim.Store.FindExecution("nightly", "sensor-2")!.Status);
    }

    [Fact]
    public async Task Removing_a_scheduled_job_needs_Force_and_takes_its_executions_with_it()
    {
        await using var sim = await Scheduled();
        using var ps = PsSession.Start(sim);

        var refusedWhatIf = ps.Run("Remove-IotJob nightly -WhatIf");
        var refused = ps.Run("Remove-IotJob nightly -Confirm:$false");
        var forcedWhatIf = ps.Run("Remove-IotJob nightly -WhatIf -Force");
        var forced = ps.Run("Remove-IotJob nightly -Force");

        Assert.Contains(
            "What if: Remove job 'nightly' (SCHEDULED, 2 executions); the service will refuse it without -Force.",
            refusedWhatIf.HostText
        );
        Assert.Equal(
            "Add -Force to remove it even though it has not finished; "
                + "devices that already started it may be left mid-update.",
            Assert.Single(refused.Errors).ErrorDetails.RecommendedAction
        );
        Assert.Contains(
            "What if: Remove job 'nightly' (SCHEDULED, 2 executions), before it starts, "
                + "with any executions from an earlier maintenance window.",
            forcedWhatIf.HostText
        );
        Assert.False(forced.HadErrors, string.Join("\n", forced.Errors));
        Assert.Equal("DELETION_IN_PROGRESS", sim.Store.FindJob("nightly")!.Status);
    }

    [Fact]
    public async Task A_described_job_carries_every_field_of_the_model()
    {
        await using var sim = await Scheduled();
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            "$j = Get-IotJob nightly; $j.SchedulingConfig.ToString(); "
                + "($j.SchedulingConfig | ConvertFrom-Json).maintenanceWindows[0].durationInMinutes; "
                + "$j | ConvertTo-Csv | Select-Object -Last 1"
        );

        var lines = r.Output.Select(o => o.BaseObject.ToString()).ToList();
        Assert.Equal(Schedule, lines[0]);
        Assert.Equal("60", lines[1]);
        Assert.Contains("maintenanceWindows", lines[2]);
    }
}
