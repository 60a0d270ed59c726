using IotJobs.Tests.Support;

namespace IotJobs.Tests.Cmdlets;

/// <summary>Prompts are per item, after the item is known; -Force skips them unless -Confirm is explicit.</summary>
public sealed class ConfirmationTests
{
    private static async Task<IotJobs.Simulator.IotJobsSimulator> ThreeFinishedJobs()
    {
        var sim = await Sim.StartAsync();
        foreach (var id in new[] { "a", "b", "c" })
            sim.Store.AddJob(id, "CANCELED");
        return sim;
    }

    private static string[] Deleted(IotJobs.Simulator.IotJobsSimulator sim) =>
        sim.Requests.Where(r => r.Method == "DELETE").Select(r => r.RawPath["/jobs/".Length..]).ToArray();

    [Fact]
    public async Task Remove_asks_for_each_item_at_the_default_preference_and_No_skips_only_that_item()
    {
        await using var sim = await ThreeFinishedJobs();
        using var ps = PsSession.Start(sim, "Y", "N", "Y");

        var r = ps.Run("'a','b','c' | Remove-IotJob");

        Assert.Equal(
            [
                "Are you sure you want to remove job 'a' (CANCELED, 0 executions)?",
                "Are you sure you want to remove job 'b' (CANCELED, 0 executions)?",
                "Are you sure you want to remove job 'c' (CANCELED, 0 executions)?",
            ],
            r.Prompts
        );
        Assert.Equal(["a", "c"], Deleted(sim));
        Assert.Equal("CANCELED", sim.Store.FindJob("b")!.Status);
    }

    [Fact]
    public async Task Yes_to_all_stops_asking()
    {
        await using var sim = await ThreeFinishedJobs();
        using var ps = PsSession.Start(sim, "A");

        var r = ps.Run("'a','b','c' | Remove-IotJob");

        Assert.Single(r.Prompts);
        Assert.Equal(["a", "b", "c"], Deleted(sim));
    }

    [Fact]
    public async Task No_to_all_skips_the_rest()
    {
        await using var sim = await ThreeFinishedJobs();
        using var ps = PsSession.Start(sim, "Y", "L");

        var r = ps.Run("'a','b','c' | Remove-IotJob");

        Assert.Equal(2, r.Prompts.Count);
        Assert.Equal(["a"], Deleted(sim));
    }

    [Fact]
    public async Task Force_suppresses_the_prompt_and_sends_force()
    {
        await using var sim = await ThreeFinishedJobs();
        using var ps = PsSession.Start(sim);

        var r = ps.Run("'a','b','c' | Remove-IotJob -Force");

        Assert.Empty(r.Prompts);
        Assert.Equal(["a", "b", "c"], Deleted(sim));
        // No item was described first: -Force bulk runs pay one request per item, beside the command's one
        // ownership lookup.
        var changes = sim.Requests.ExceptOwnershipLookup();
        Assert.Equal(3, changes.Length);
        Assert.All(changes, q => Assert.Equal("true", q.QueryValue("force")));
    }

    [Fact]
    public async Task Force_with_an_explicit_Confirm_still_prompts()
    {
        await using var sim = await ThreeFinishedJobs();
        using var ps = PsSession.Start(sim, "Y", "N", "N");

        var r = ps.Run("'a','b','c' | Remove-IotJob -Force -Confirm");

        Assert.Equal(3, r.Prompts.Count);
        Assert.Equal(["a"], Deleted(sim));
        Assert.Equal("true", sim.Requests.Single(q => q.Method == "DELETE").QueryValue("force"));
    }

    [Fact]
    public async Task Confirm_false_never_prompts_and_never_sends_force()
    {
        await using var sim = await ThreeFinishedJobs();
        sim.Store.AddJob("running", "IN_PROGRESS");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("'a','running' | Remove-IotJob -Confirm:$false");

        Assert.Empty(r.Prompts);
        Assert.All(sim.Requests, q => Assert.Null(q.QueryValue("force")));
        Assert.Equal(["a", "running"], Deleted(sim));
        Assert.Equal("IN_PROGRESS", sim.Store.FindJob("running")!.Status);
        Assert.Equal(
            "InvalidStateTransition,IotJobs.Cmdlets.RemoveIotJobCommand",
            Assert.Single(r.Errors).FullyQualifiedErrorId
        );
    }

    [Fact]
    public async Task Stop_is_medium_impact_and_does_not_ask_at_the_default_preference()
    {
        await using var sim = await ThreeFinishedJobs();
        sim.Store.AddJob("run", "IN_PROGRESS");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Stop-IotJob run");

        Assert.Empty(r.Prompts);
        Assert.Equal("CANCELED", sim.Store.FindJob("run")!.Status);
    }

    [Fact]
    public async Task Stop_asks_when_the_preference_is_medium()
    {
        await using var sim = await ThreeFinishedJobs();
        sim.Store.AddJob("run", "IN_PROGRESS");
        using var ps = PsSession.Start(sim, "N");

        var r = ps.Run("$ConfirmPreference = 'Medium'; Stop-IotJob run");

        Assert.Equal(["Are you sure you want to stop job 'run' (IN_PROGRESS, 0 executions)?"], r.Prompts);
        Assert.Equal("IN_PROGRESS", sim.Store.FindJob("run")!.Status);
    }

    [Fact]
    public async Task Remove_IotJobExecution_is_high_impact_and_asks()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        var e = sim.Store.AddExecution("j", "t", "SUCCEEDED");
        using var ps = PsSession.Start(sim, "N");

        var r = ps.Run("Get-IotJobExecution -JobId j | Remove-IotJobExecution");

        Assert.Equal(
            [
                $"Are you sure you want to remove execution {e.ExecutionNumber} of job 'j' on thing 't' (SUCCEEDED, "
                    + $"version 1)?",
            ],
            r.Prompts
        );
        Assert.NotNull(sim.Store.FindExecution("j", "t"));
    }

    [Theory]
    [InlineData("Remove-IotJob", "High")]
    [InlineData("Remove-IotJobExecution", "High")]
    [InlineData("Stop-IotJob", "Medium")]
    [InlineData("Stop-IotJobExecution", "Medium")]
    public void Confirm_impact_is_declared(string command, string impact)
    {
        using var ps = PsSession.Start(null);

        var r = ps.Run(
            $"(Get-Command {command}).ImplementingType"
                + ".GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]"
                + ".ConfirmImpact.ToString()"
        );

        Assert.Equal(impact, Assert.Single(r.Output).BaseObject);
    }
}
