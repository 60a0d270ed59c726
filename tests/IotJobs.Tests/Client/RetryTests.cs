using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Simulator.Http;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Client;

/// <summary>The Standard retry mode: transient faults are retried (3 attempts in all), client errors never.</summary>
public sealed class RetryTests
{
    /// <summary>Dropped connections are retried for reads only: see <see cref="LostAnswerTests"/>.</summary>
    [Theory]
    [InlineData(FaultKind.ServiceUnavailable)]
    [InlineData(FaultKind.Throttle)]
    public async Task Two_transient_faults_then_success(FaultKind kind)
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", "CANCELED");
        sim.Faults.Add(new FaultRule(kind) { Operation = "DeleteJob", Times = 2 });
        using var client = Sim.Client(sim);

        await client.DeleteJobAsync(new DeleteJobRequest { JobId = "j" });

        Assert.Equal(3, sim.Requests.Count);
        Assert.Equal(1, sim.Requests.Count(r => r.Applied));
        Assert.Equal("DELETION_IN_PROGRESS", sim.Store.FindJob("j")!.Status);
    }

    [Fact]
    public async Task NotFound_is_not_retried()
    {
        await using var sim = await Sim.StartAsync();
        using var client = Sim.Client(sim);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            client.DeleteJobAsync(new DeleteJobRequest { JobId = "gone" })
        );

        Assert.Single(sim.Requests);
    }

    [Fact]
    public async Task Conflict_is_not_retried()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", "COMPLETED");
        using var client = Sim.Client(sim);

        await Assert.ThrowsAsync<InvalidStateTransitionException>(() =>
            client.CancelJobAsync(new CancelJobRequest { JobId = "j" })
        );

        Assert.Single(sim.Requests);
    }

    [Fact]
    public async Task Invalid_request_is_not_retried()
    {
        await using var sim = await Sim.StartAsync();
        using var client = Sim.Client(sim);

        await Assert.ThrowsAsync<InvalidRequestException>(() =>
            client.ListJobsAsync(new ListJobsRequest { MaxResults = 0 })
        );

        Assert.Single(sim.Requests);
    }
}
