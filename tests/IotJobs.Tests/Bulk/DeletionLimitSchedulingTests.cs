using IotJobs.Model;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Bulk;

/// <summary>Remove-IotJob keeps within the service's 10 deletions in progress and never fails an item for it.</summary>
public sealed class DeletionLimitSchedulingTests
{
    [Fact]
    public async Task Twenty_five_jobs_are_all_removed_without_meeting_the_limit()
    {
        await using var sim = await Sim.StartAsync(o => o.DeletionDuration = TimeSpan.FromMilliseconds(600));
        for (int i = 0; i < 25; i++)
            sim.Store.AddJob($"job-{i:D2}", "CANCELED");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob | Remove-IotJob -Force -Wait -PassThru");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"job-{i:D2}"), r.Objects<IotJob>().Select(j => j.JobId));
        Assert.Equal(25, sim.Requests.Count(q => q.Method == "DELETE"));
        Assert.DoesNotContain(sim.Requests, q => q.ErrorType == "LimitExceededException");
        // -Wait: every deletion had completed when the command returned.
        Assert.Equal(0, sim.Store.JobCount);
    }

    [Fact]
    public async Task Deletions_by_someone_else_make_it_wait_not_fail()
    {
        await using var sim = await Sim.StartAsync(o => o.DeletionDuration = TimeSpan.FromSeconds(1));
        for (int i = 0; i < 9; i++)
            sim.Store.AddJob($"theirs-{i}", "CANCELED");
        for (int i = 0; i < 4; i++)
            sim.Store.AddJob($"mine-{i}", "COMPLETED");
        using var ps = PsSession.Start(sim);
        using (var client = Sim.Client(sim))
            for (int i = 0; i < 9; i++)
                await client.DeleteJobAsync(new() { JobId = $"theirs-{i}" });
        sim.ClearRequests();

        var r = ps.Run("'mine-0','mine-1','mine-2','mine-3' | Remove-IotJob -Force -Wait");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Contains(sim.Requests, q => q.ErrorType == "LimitExceededException");
        Assert.Equal(4, sim.Requests.Count(q => q.Method == "DELETE" && q.Status == 200));
        Assert.Equal(0, sim.Store.JobCount);
    }

    [Fact]
    public async Task Without_Wait_it_returns_once_the_last_deletion_was_accepted()
    {
        await using var sim = await Sim.StartAsync(o => o.DeletionDuration = TimeSpan.FromSeconds(30));
        for (int i = 0; i < 10; i++)
            sim.Store.AddJob($"j{i}", "CANCELED");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob | Remove-IotJob -Force");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal(10, sim.Store.DeletionsInProgress);
    }
}
