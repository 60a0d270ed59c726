using System.Management.Automation;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Formatting;

/// <summary>Tab completion, asked for as the console asks: CommandCompletion.CompleteInput.</summary>
public sealed class CompletionTests
{
    private static string[] Complete(PsSession session, string input)
    {
        var result = session.Complete(input);
        return result.CompletionMatches.Select(m => m.CompletionText).ToArray();
    }

    [Fact]
    public void Status_completes_from_the_enum()
    {
        using var ps = PsSession.Start(null);

        Assert.Equal(["IN_PROGRESS"], Complete(ps, "Get-IotJob -Status IN"));
        Assert.Equal(["QUEUED"], Complete(ps, "Get-IotJobExecution -ThingName t -Status Q"));
        Assert.Equal(5, Complete(ps, "Get-IotJob -Status ").Length);
    }

    [Fact]
    public async Task JobId_completes_from_the_service_named_on_the_command_line_and_is_cached()
    {
        await using var sim = await Sim.StartAsync();
        foreach (var id in new[] { "fw-1", "fw-2", "cfg-1" })
            sim.Store.AddJob(id);
        await using var other = await Sim.StartAsync();
        other.Store.AddJob("fw-elsewhere");
        using var ps = PsSession.Start(null);

        Assert.Equal(
            ["fw-1", "fw-2"],
            Complete(ps, $"Remove-IotJob -EndpointUrl {sim.Endpoint} -Region us-east-1 -JobId fw-")
        );
        Assert.Equal(["cfg-1"], Complete(ps, $"Stop-IotJob -EndpointUrl {sim.Endpoint} -Region us-east-1 -JobId C"));
        Assert.Equal(
            ["fw-elsewhere"],
            Complete(ps, $"Get-IotJob -EndpointUrl {other.Endpoint} -Region us-east-1 -JobId fw-")
        );
        Assert.Equal(1, sim.Requests.Count(r => r.Operation == "ListJobs"));
    }

    [Fact]
    public async Task ThingName_completes_with_the_things_running_the_job_given()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "sensor-1");
        sim.Store.AddExecution("j", "sensor:2");
        sim.Store.AddExecution("j", "gateway");
        sim.Store.AddThing("sensor-spare");
        using var ps = PsSession.Start(null);

        var matches = ps.Complete(
            $"Stop-IotJobExecution -EndpointUrl {sim.Endpoint} -Region us-east-1 -JobId j -ThingName sen"
        ).CompletionMatches;

        Assert.Equal(["sensor-1", "'sensor:2'"], matches.Select(m => m.CompletionText));
        Assert.Equal("thing sensor-1, running job j", matches[0].ToolTip);
        Assert.Equal("ListJobExecutionsForJob", Assert.Single(sim.Requests).Operation);
    }

    [Fact]
    public async Task ThingName_completes_on_its_own_with_the_things_of_the_registry_in_one_request()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "sensor-1");
        sim.Store.AddThing("sensor:2");
        sim.Store.AddThing("gateway");
        using var ps = PsSession.Start(sim);

        var matches = ps.Complete("Get-IotJobExecution -ThingName sen").CompletionMatches;

        Assert.Equal(["sensor-1", "'sensor:2'"], matches.Select(m => m.CompletionText));
        Assert.Equal("thing sensor-1", matches[0].ToolTip);
        Assert.Equal(["gateway"], Complete(ps, "Remove-IotJobExecution -ThingName g"));
        Assert.Equal(["gateway"], Complete(ps, "Stop-IotJobExecution -JobId 'fw-*' -ThingName g"));
        var request = Assert.Single(sim.Requests);
        Assert.Equal(("ListThings", "250"), (request.Operation, request.QueryValue("maxResults")));
    }

    [Fact]
    public void ReasonCode_suggests_codes_in_the_service_format()
    {
        using var ps = PsSession.Start(null);

        Assert.Equal(["ROLLBACK"], Complete(ps, "Stop-IotJob -JobId j -ReasonCode ro"));
    }

    [Fact]
    public void An_unreachable_service_completes_nothing_and_quickly_fails_no_prompt()
    {
        using var ps = PsSession.Start(null);

        Assert.Empty(Complete(ps, "Remove-IotJob -EndpointUrl http://127.0.0.1:9 -Region us-east-1 -JobId fw-"));
    }
}
