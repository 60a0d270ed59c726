using System.Management.Automation;
using IotJobs.Simulator;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Places;

/// <summary>
/// The service's limits are per account and region, so places are independent: an item waiting for its own place's
/// limit holds no item of another place back, whatever -ThrottleLimit is. (Not timed: each test waits for what must
/// happen, and fails if it does not.)
/// </summary>
public sealed class PlaceIndependenceTests
{
    private static async Task<IotJobsSimulator> Place(string region, int canceled, TimeSpan deletions)
    {
        var sim = await Sim.StartAsync(o =>
        {
            o.Region = region;
            o.DeletionDuration = deletions;
        });
        for (int i = 0; i < canceled; i++)
            sim.Store.AddJob($"{region}-{i:D2}", "CANCELED");
        return sim;
    }

    private static int Deletes(IotJobsSimulator sim) => sim.Requests.Count(q => q.Method == "DELETE");

    [Fact]
    public async Task Jobs_waiting_for_a_full_places_deletion_slots_do_not_hold_another_places_jobs()
    {
        // The first place's 12 deletions need 12 of its 10 places, and none ends for ten minutes.
        await using var full = await Place("us-east-1", 12, TimeSpan.FromMinutes(10));
        await using var free = await Place("eu-west-1", 3, TimeSpan.FromMinutes(10));
        using var ps = PsSession.Start(null);
        ps.Run(
            $"$jobs = @(Get-IotJob -EndpointUrl {full.Endpoint} -Region us-east-1) + "
                + $"@(Get-IotJob -EndpointUrl {free.Endpoint} -Region eu-west-1)"
        );

        using var running = ps.Begin("$jobs | Remove-IotJob -Force -AllowServiceOwned");
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Deletes(free) < 3 && DateTime.UtcNow < until)
            await Task.Delay(50);
        running.Stop();
        Assert.True(await running.EndedWithin(TimeSpan.FromSeconds(20)), "the pipeline did not stop");

        // The second place's jobs, behind two that wait for the first place's limit, were all removed...
        Assert.Equal(3, Deletes(free));
        // ...while the first place kept within its 10.
        Assert.Equal(10, Deletes(full));
        Assert.Contains("Not sent (2): job 'us-east-1-10', job 'us-east-1-11'", ps.Host.Text.ReplaceLineEndings(" "));
    }
}
