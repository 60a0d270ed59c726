using System.Management.Automation;
using IotJobs.Model;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Bulk;

/// <summary>
/// A batch is summed up in one line: after a dry run as a What-if line, after every batch on the information stream.
/// </summary>
public sealed class SummaryTests
{
    private static async Task<IotJobs.Simulator.IotJobsSimulator> Mixed()
    {
        var sim = await Sim.StartAsync(o => o.DeletionDuration = TimeSpan.FromHours(1));
        sim.Store.AddJob("old-1", "CANCELED");
        sim.Store.AddJob("old-2", "COMPLETED");
        sim.Store.AddJob("running", "IN_PROGRESS");
        sim.Store.AddJob("deleting", "DELETION_IN_PROGRESS");
        return sim;
    }

    [Fact]
    public async Task A_dry_run_of_a_mixed_batch_ends_with_what_would_happen_to_how_many_and_why()
    {
        await using var sim = await Mixed();
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            "'old-1','old-2','running','deleting','missing' | Remove-IotJob -WhatIf -ErrorAction SilentlyContinue"
        );

        Assert.Equal(
            "What if: 5 jobs: 2 would be removed, 1 would need -Force (IN_PROGRESS), 1 already being deleted, "
                + "1 not found.",
            r.HostText.Split('\n').Last(l => l.StartsWith("What if:"))
        );
        Assert.DoesNotContain(sim.Requests, q => q.Method != "GET");
    }

    [Fact]
    public async Task A_dry_run_of_stops_counts_the_finished_and_what_only_force_would_stop()
    {
        await using var sim = await Mixed();
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob | Stop-IotJob -WhatIf");

        Assert.Equal(
            "What if: 4 jobs: 1 would be stopped, 1 would need -Force (CANCELED), 1 already finished (COMPLETED), "
                + "1 already being deleted.",
            r.HostText.Split('\n').Last(l => l.StartsWith("What if:"))
        );
    }

    [Fact]
    public async Task After_a_real_run_the_counts_are_on_the_information_stream_for_a_runbook_to_log()
    {
        await using var sim = await Mixed();
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            "'old-1','old-2','running','deleting','missing' | "
                + "Remove-IotJob -Confirm:$false -ErrorAction SilentlyContinue -InformationVariable info; $info"
        );

        var record = Assert.Single(r.Output.Select(o => o.BaseObject).OfType<InformationRecord>());
        Assert.Contains("IotJobs.Summary", record.Tags);
        var summary = Assert.IsType<IotJobsSummary>(record.MessageData);
        Assert.Equal(
            (5, 2, 1, 0, 1, 1, 0, false),
            (
                summary.Total,
                summary.Changed,
                summary.NeedForce,
                summary.AlreadyFinished,
                summary.BeingDeleted,
                summary.NotFound,
                summary.Failed,
                summary.WhatIf
            )
        );
        Assert.Equal(
            "5 jobs: 2 removed, 1 needs -Force (IN_PROGRESS), 1 already being deleted, 1 not found.",
            summary.ToString()
        );
        // Nothing is shown at the console unless asked for ($InformationPreference).
        Assert.DoesNotContain("5 jobs:", r.HostText);
    }

    [Fact]
    public async Task Other_failures_are_counted_by_their_error_id()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("a");
        sim.Store.AddJob("b");
        sim.Store.AddExecution("a", "t");
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            "@(Get-IotJobExecution -JobId a -ThingName t) + @('b') | "
                + "Stop-IotJob -ErrorAction SilentlyContinue -InformationVariable info; $info.MessageData.ToString()"
        );

        Assert.Equal("2 jobs: 1 stopped, 1 failed (1 ExecutionNotJob).", Assert.Single(r.Output).BaseObject);
    }

    [Fact]
    public async Task Objects_read_moments_ago_are_described_from_what_they_carry_and_old_ones_are_read_again()
    {
        await using var sim = await Mixed();
        using var ps = PsSession.Start(sim);

        ps.Run("$jobs = Get-IotJob");
        sim.ClearRequests();
        var fresh = ps.Run("$jobs | Remove-IotJob -WhatIf");
        // Nothing of the items is read; the command's one ownership lookup is the only request.
        int freshReads = sim.Requests.ExceptOwnershipLookup().Length;
        var stale = ps.Run(
            "$jobs | ForEach-Object { $_.ReadAt = $_.ReadAt.AddMinutes(-10) }; $jobs | Remove-IotJob -WhatIf"
        );

        Assert.False(fresh.HadErrors || stale.HadErrors);
        Assert.Equal(0, freshReads);
        Assert.Equal(4, sim.Requests.Count(q => q.Operation == "DescribeJob"));
        Assert.Contains("What if: Remove job 'old-1' (CANCELED, 0 executions).", stale.HostText);
    }

    [Fact]
    public async Task Reads_for_a_dry_run_run_concurrently_within_ThrottleLimit_and_keep_their_order()
    {
        await using var sim = await Sim.StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(150));
        foreach (var id in new[] { "a", "b", "c", "d", "e", "f" })
            sim.Store.AddJob(id, "CANCELED");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("'a','b','c','d','e','f' | Remove-IotJob -WhatIf -ThrottleLimit 4");

        Assert.Equal(
            ["a", "b", "c", "d", "e", "f"],
            r.HostText.Split('\n').Where(l => l.StartsWith("What if: Remove job")).Select(l => l.Split('\'')[1])
        );
        var reads = sim.Requests.Where(q => q.Operation == "DescribeJob").ToList();
        Assert.Equal(6, reads.Count);
        Assert.True(
            reads.Any(x => reads.Any(y => y != x && y.ReceivedAt < x.AnsweredAt && x.ReceivedAt < y.AnsweredAt)),
            "the reads never overlapped"
        );
    }
}
