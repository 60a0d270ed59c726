using System.Management.Automation;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Reports;

/// <summary>A dry run speaks in the conditional everywhere: its lines, its summary, its progress.</summary>
public sealed class DryRunWordsTests
{
    [Fact]
    public async Task A_dry_run_says_what_would_happen_in_its_summary_and_progress_and_changes_nothing()
    {
        await using var sim = await Sim.StartAsync();
        foreach (var id in new[] { "a", "b", "c" })
            sim.Store.AddJob(id, "CANCELED");
        sim.Store.AddJob("running");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob | Remove-IotJob -WhatIf -InformationVariable info; $info.MessageData.ToString()");

        Assert.Equal(
            "What if: 4 jobs: 3 would be removed, 1 would need -Force (IN_PROGRESS).",
            r.HostText.Split('\n').Last(l => l.StartsWith("What if:")).TrimEnd()
        );
        Assert.Equal(["4 jobs: 3 would be removed, 1 would need -Force (IN_PROGRESS)."], r.Objects<string>());
        var activities = ps.Host.Progress.Select(p => p.Activity).Distinct().ToList();
        Assert.NotEmpty(activities);
        Assert.All(activities, a => Assert.DoesNotContain("Removing", a));
        Assert.All(activities, a => Assert.Equal("What if: checking jobs (no change)", a));
        Assert.DoesNotContain(sim.Requests, q => q.Method != "GET");
    }
}
