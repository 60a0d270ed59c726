using System.Management.Automation;
using IotJobs.Model;
using IotJobs.Simulator.Http;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Bulk;

/// <summary>
/// Ctrl+C (StopProcessing) abandons requests in flight at once and says which items are left unknown.
/// </summary>
public sealed class CtrlCTests
{
    [Fact]
    public async Task Stopping_cancels_in_flight_requests_and_names_the_items_left_unknown()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        for (int i = 0; i < 6; i++)
            sim.Store.AddExecution("j", $"t{i}");
        // The first two cancels are answered at once; the rest would hang for a minute.
        sim.Faults.Add(
            new FaultRule(FaultKind.Latency)
            {
                Operation = "CancelJobExecution",
                Skip = 2,
                Delay = TimeSpan.FromMinutes(1),
            }
        );
        using var ps = PsSession.Start(sim);
        using var running = ps.Begin("Get-IotJobExecution -JobId j | Stop-IotJobExecution -ThrottleLimit 2 -PassThru");
        while (sim.Requests.Count(q => q.Method == "PUT") < 4)
            await Task.Delay(20);

        running.Stop();

        Assert.True(await running.EndedWithin(TimeSpan.FromSeconds(20)), "the pipeline did not stop");
        Assert.Equal(PSInvocationState.Stopped, running.State);
        // What was done before the stop was reported...
        Assert.Equal(["t0", "t1"], running.Output.Select(o => ((IotJobExecution)o.BaseObject).ThingName));
        // ...and the two requests abandoned on their way are named as unknown, with the command that checks each.
        var numbers = sim.Store.FindJob("j")!.ExecutionList.Select(e => e.ExecutionNumber).ToList();
        string Unknown(int i) =>
            $"execution {numbers[i]} of job 'j' on thing 't{i}' "
            + $"(Get-IotJobExecution -JobId 'j' -ThingName 't{i}' -ExecutionNumber {numbers[i]} -Region us-east-1)";
        Assert.Contains(
            "Unknown: sent, with no answer, so the service may or may not have applied it (2): "
                + $"{Unknown(2)}, {Unknown(3)}.",
            ps.Host.Text.Replace("\n", " ")
        );
        Assert.Equal(4, sim.Requests.Count(q => q.Method == "PUT"));
    }

    [Fact]
    public async Task Stopping_a_listing_abandons_the_page_in_flight()
    {
        await using var sim = await Sim.StartAsync();
        sim.Faults.Add(new FaultRule(FaultKind.Latency) { Operation = "ListJobs", Delay = TimeSpan.FromMinutes(1) });
        using var ps = PsSession.Start(sim);
        using var running = ps.Begin("Get-IotJob");
        while (sim.Requests.Count == 0)
            await Task.Delay(20);

        running.Stop();

        Assert.True(await running.EndedWithin(TimeSpan.FromSeconds(20)), "the pipeline did not stop");
        Assert.Equal(PSInvocationState.Stopped, running.State);
    }

    [Fact]
    public async Task Stopping_Remove_Wait_ends_the_wait_for_deletions()
    {
        await using var sim = await Sim.StartAsync(o => o.DeletionDuration = TimeSpan.FromMinutes(10));
        sim.Store.AddJob("j", "CANCELED");
        using var ps = PsSession.Start(sim);
        using var running = ps.Begin("Remove-IotJob j -Force -Wait");
        while (sim.Store.DeletionsInProgress == 0)
            await Task.Delay(20);

        running.Stop();

        Assert.True(await running.EndedWithin(TimeSpan.FromSeconds(20)), "the pipeline did not stop");
        Assert.Equal(PSInvocationState.Stopped, running.State);
    }
}
