using System.Management.Automation;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Bulk;

public sealed class ProgressTests
{
    [Fact]
    public async Task A_batch_reports_done_of_total_the_rate_and_the_current_item_then_completes()
    {
        await using var sim = await Sim.StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(120));
        for (int i = 0; i < 6; i++)
            sim.Store.AddJob($"j{i}");
        using var ps = PsSession.Start(sim);

        ps.Run("Stop-IotJob -JobId j0,j1,j2,j3,j4,j5");

        var progress = ps.Host.Progress;
        Assert.NotEmpty(progress);
        Assert.All(progress, p => Assert.Equal("Stopping jobs", p.Activity));
        var working = progress.Where(p => p.RecordType == ProgressRecordType.Processing).ToList();
        Assert.Matches(@"^\d of 6 done \(\d+\.\d/s\) \| job 'j\d'$", working[^1].StatusDescription);
        Assert.StartsWith("job 'j", working[^1].CurrentOperation);
        Assert.InRange(working[^1].PercentComplete, 1, 100);
        Assert.Equal(ProgressRecordType.Completed, progress[^1].RecordType);
    }

    [Fact]
    public async Task Piped_input_reports_without_a_percentage()
    {
        await using var sim = await Sim.StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(120));
        for (int i = 0; i < 4; i++)
            sim.Store.AddJob($"j{i}");
        using var ps = PsSession.Start(sim);

        ps.Run("Get-IotJob | Stop-IotJob");

        var working = ps.Host.Progress.Where(p => p.RecordType == ProgressRecordType.Processing).ToList();
        Assert.NotEmpty(working);
        Assert.All(working, p => Assert.Equal(-1, p.PercentComplete));
        // Without a total, the count of items taken so far stands in for it.
        Assert.Matches(@"^\d done of \d received \(", working[^1].StatusDescription);
    }

    [Fact]
    public async Task Silent_when_ProgressPreference_is_SilentlyContinue()
    {
        await using var sim = await Sim.StartAsync(o => o.Latency = TimeSpan.FromMilliseconds(120));
        for (int i = 0; i < 4; i++)
            sim.Store.AddJob($"j{i}");
        using var ps = PsSession.Start(sim);

        ps.Run("$ProgressPreference = 'SilentlyContinue'; Stop-IotJob -JobId j0,j1,j2,j3");

        Assert.Empty(ps.Host.Progress);
        Assert.Equal(4, sim.Requests.ExceptOwnershipLookup().Length);
    }
}
