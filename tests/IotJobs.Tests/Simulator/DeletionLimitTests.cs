using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Simulator;

/// <summary>DeleteJob: DELETION_IN_PROGRESS for a while, then gone; at most 10 such jobs at once.</summary>
public sealed class DeletionLimitTests
{
    [Fact]
    public async Task Eleventh_concurrent_deletion_is_refused_until_one_completes()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var sim = await Sim.StartAsync(o =>
        {
            o.Clock = clock;
            o.DeletionDuration = TimeSpan.FromSeconds(30);
        });
        for (int i = 0; i < 11; i++)
            sim.Store.AddJob($"j{i}", "CANCELED");
        using var client = Sim.Client(sim);

        for (int i = 0; i < 10; i++)
            await client.DeleteJobAsync(new DeleteJobRequest { JobId = $"j{i}" });
        Assert.Equal(10, sim.Store.DeletionsInProgress);
        await Assert.ThrowsAsync<LimitExceededException>(() =>
            client.DeleteJobAsync(new DeleteJobRequest { JobId = "j10" })
        );
        Assert.Equal("CANCELED", sim.Store.FindJob("j10")!.Status);

        clock.Advance(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            client.DescribeJobAsync(new DescribeJobRequest { JobId = "j0" })
        );
        await client.DeleteJobAsync(new DeleteJobRequest { JobId = "j10" });
        Assert.Equal(1, sim.Store.DeletionsInProgress);
    }

    [Fact]
    public async Task A_job_being_deleted_shows_DELETION_IN_PROGRESS_then_disappears_with_its_executions()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var sim = await Sim.StartAsync(o =>
        {
            o.Clock = clock;
            o.DeletionDuration = TimeSpan.FromSeconds(2);
        });
        sim.Store.AddJob("j", "COMPLETED");
        sim.Store.AddExecution("j", "t", "SUCCEEDED");
        using var client = Sim.Client(sim);

        await client.DeleteJobAsync(new DeleteJobRequest { JobId = "j" });
        var during = await client.DescribeJobAsync(new DescribeJobRequest { JobId = "j" });
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("DELETION_IN_PROGRESS", during.Job!.Status);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            client.DescribeJobAsync(new DescribeJobRequest { JobId = "j" })
        );
        Assert.Empty(
            (
                await client.ListJobExecutionsForThingAsync(new ListJobExecutionsForThingRequest { ThingName = "t" })
            ).ExecutionSummaries
        );
    }

    [Fact]
    public async Task Delete_or_cancel_of_a_job_already_being_deleted_is_refused()
    {
        await using var sim = await Sim.StartAsync(o => o.DeletionDuration = TimeSpan.FromMinutes(5));
        sim.Store.AddJob("j", "CANCELED");
        using var client = Sim.Client(sim);
        await client.DeleteJobAsync(new DeleteJobRequest { JobId = "j" });

        await Assert.ThrowsAsync<InvalidStateTransitionException>(() =>
            client.DeleteJobAsync(new DeleteJobRequest { JobId = "j", Force = true })
        );
        await Assert.ThrowsAsync<InvalidStateTransitionException>(() =>
            client.CancelJobAsync(new CancelJobRequest { JobId = "j", Force = true })
        );
        Assert.Equal(1, sim.Store.DeletionsInProgress);
    }
}
