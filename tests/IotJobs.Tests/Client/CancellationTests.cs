using IotJobs.Client.Model;
using IotJobs.Simulator.Http;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Client;

public sealed class CancellationTests
{
    [Fact]
    public async Task Cancelling_the_token_abandons_an_in_flight_call()
    {
        await using var sim = await Sim.StartAsync();
        // The simulator would hold the answer back for a minute.
        sim.Faults.Add(new FaultRule(FaultKind.Latency) { Delay = TimeSpan.FromMinutes(1) });
        using var client = Sim.Client(sim);
        using var cts = new CancellationTokenSource();

        var call = client.ListJobsAsync(new ListJobsRequest(), cts.Token);
        while (sim.Requests.Count == 0)
            await Task.Delay(10);
        cts.Cancel();
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.Same(call, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(sim.Requests);
    }
}
