using System.Text.Json;
using IotJobs.Client.Model;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Simulator;

/// <summary>
/// DescribeJob's jobProcessDetails.processingTargets: "the target devices to which the job execution is being
/// rolled out; null after the job execution has finished rolling out to all the target devices" (the API
/// model). The simulator's reading: while the job is IN_PROGRESS, each thing whose current execution has not
/// finished, and each thing group (a group's things may still join); nothing, and no member, otherwise.
/// </summary>
public sealed class ProcessingTargetsTests
{
    [Fact]
    public async Task DescribeJob_names_the_things_whose_executions_have_not_finished()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "queued", "QUEUED");
        sim.Store.AddExecution("j", "running", "IN_PROGRESS");
        sim.Store.AddExecution("j", "done", "SUCCEEDED");
        using var client = Sim.Client(sim);

        var details = (await client.DescribeJobAsync(new DescribeJobRequest { JobId = "j" })).Job!.JobProcessDetails!;

        Assert.Equal([sim.Store.ThingArn("queued"), sim.Store.ThingArn("running")], details.ProcessingTargets);
    }

    [Fact]
    public async Task A_thing_group_of_a_job_in_progress_is_being_processed()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", targetSelection: "CONTINUOUS", thingGroupName: "sensors");
        using var client = Sim.Client(sim);

        var details = (await client.DescribeJobAsync(new DescribeJobRequest { JobId = "j" })).Job!.JobProcessDetails!;

        Assert.Equal([sim.Store.Arn("thinggroup/sensors")], details.ProcessingTargets);
    }

    [Theory]
    [InlineData("COMPLETED", "SUCCEEDED")]
    [InlineData("CANCELED", "IN_PROGRESS")]
    [InlineData("IN_PROGRESS", "FAILED")]
    public async Task A_job_that_processes_no_target_answers_no_processingTargets(string job, string execution)
    {
        await using var sim = await Sim.StartAsync(o => o.RecordResponseBodies = true);
        sim.Store.AddJob("j", job);
        sim.Store.AddExecution("j", "t", execution);
        using var client = Sim.Client(sim);

        await client.DescribeJobAsync(new DescribeJobRequest { JobId = "j" });

        using var answer = JsonDocument.Parse(sim.Requests.Single(r => r.Operation == "DescribeJob").ResponseBody);
        var details = answer.RootElement.GetProperty("job").GetProperty("jobProcessDetails");
        Assert.False(details.TryGetProperty("processingTargets", out _), details.ToString());
        Assert.True(details.TryGetProperty("numberOfQueuedThings", out _));
    }
}
