using IotJobs.Model;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Reports;

/// <summary>Nothing is left out of a listing: every execution of a job on a thing, and every field of a job.</summary>
public sealed class ListingTests
{
    [Fact]
    public async Task The_executions_of_a_job_on_a_thing_are_all_listed_newest_first_and_each_can_be_removed()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", targetSelection: "CONTINUOUS");
        var first = sim.Store.AddExecution("j", "T", "SUCCEEDED");
        var second = sim.Store.AddExecution("j", "T", "FAILED");
        var third = sim.Store.AddExecution("j", "T", "QUEUED");
        sim.Store.AddExecution("j", "other", "QUEUED");
        using var ps = PsSession.Start(sim);

        var listed = ps.Run("Get-IotJobExecution -ThingName T -JobId j");
        var removed = ps.Run("Get-IotJobExecution -ThingName T -JobId j | Remove-IotJobExecution -Confirm:$false");

        Assert.Empty(listed.Errors);
        var executions = listed.Objects<IotJobExecution>().ToList();
        Assert.Equal(
            [
                (third.ExecutionNumber, "QUEUED"),
                (second.ExecutionNumber, "FAILED"),
                (first.ExecutionNumber, "SUCCEEDED"),
            ],
            executions.Select(e => (e.ExecutionNumber!.Value, e.Status))
        );
        // Each is described in full, as one named by number would be: its version pipes into -ExpectedVersion.
        Assert.All(executions, e => Assert.NotNull(e.VersionNumber));
        Assert.All(executions, e => Assert.Equal("T", e.ThingName));
        // The finished two are removed by their numbers; the queued one needs -Force and stays.
        Assert.Single(removed.Errors);
        Assert.Null(sim.Store.FindExecution("j", "T", first.ExecutionNumber));
        Assert.Null(sim.Store.FindExecution("j", "T", second.ExecutionNumber));
        Assert.NotNull(sim.Store.FindExecution("j", "T", third.ExecutionNumber));
    }

    [Fact]
    public async Task A_job_read_in_full_carries_the_targets_being_processed()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "t1", "IN_PROGRESS");
        sim.Store.AddExecution("j", "t2", "SUCCEEDED");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("(Get-IotJob j).ProcessDetails.ProcessingTargets");

        Assert.Equal([sim.Store.ThingArn("t1")], r.Objects<string>());
    }
}
