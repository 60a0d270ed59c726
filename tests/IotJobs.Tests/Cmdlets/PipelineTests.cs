using IotJobs.Model;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Cmdlets;

/// <summary>Real pipelines through the engine: every Get-* output pipes into every Stop-/Remove-*.</summary>
public sealed class PipelineTests
{
    [Fact]
    public async Task Get_IotJob_piped_to_Remove_IotJob_Force_removes_every_listed_job_with_force()
    {
        await using var sim = await Sim.StartAsync();
        foreach (var (id, status) in new[] { ("a", "CANCELED"), ("b", "IN_PROGRESS"), ("c", "COMPLETED") })
            sim.Store.AddJob(id, status);
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob | Remove-IotJob -Force");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        var deletes = sim.Requests.Where(q => q.Method == "DELETE").ToList();
        Assert.Equal(["/jobs/a", "/jobs/b", "/jobs/c"], deletes.Select(d => d.RawPath));
        Assert.All(deletes, d => Assert.Equal("true", d.QueryValue("force")));
        Assert.Equal(3, sim.Store.DeletionsInProgress);
    }

    [Fact]
    public async Task Get_IotJob_by_status_piped_to_Stop_IotJob_sends_reason_and_comment()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("run-1");
        sim.Store.AddJob("run-2");
        sim.Store.AddJob("done", "COMPLETED");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob -Status IN_PROGRESS | Stop-IotJob -ReasonCode ROLLBACK -Comment 'bad build'");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        var cancels = sim.Requests.Where(q => q.Method == "PUT").ToList();
        Assert.Equal(["/jobs/run-1/cancel", "/jobs/run-2/cancel"], cancels.Select(c => c.RawPath));
        Assert.All(cancels, c => Assert.Equal("""{"reasonCode":"ROLLBACK","comment":"bad build"}""", c.Body));
        Assert.All(cancels, c => Assert.Null(c.QueryValue("force")));
        Assert.Equal("COMPLETED", sim.Store.FindJob("done")!.Status);
        Assert.Equal(
            "IN_PROGRESS",
            Assert.Single(sim.Requests.ExceptOwnershipLookup(), q => q.Method == "GET").QueryValue("status")
        );
    }

    [Fact]
    public async Task Job_to_executions_to_Stop_IotJobExecution_Force()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "t1", "QUEUED");
        sim.Store.AddExecution("j", "t:2", "IN_PROGRESS");
        sim.Store.AddJob("other");
        sim.Store.AddExecution("other", "t1", "QUEUED");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob -JobId j | Get-IotJobExecution | Stop-IotJobExecution -Force");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        var cancels = sim.Requests.Where(q => q.Method == "PUT").ToList();
        Assert.Equal(["/things/t1/jobs/j/cancel", "/things/t%3A2/jobs/j/cancel"], cancels.Select(c => c.RawPath));
        Assert.All(cancels, c => Assert.Equal("true", c.QueryValue("force")));
        Assert.Equal("QUEUED", sim.Store.FindExecution("other", "t1")!.Status);
    }

    [Fact]
    public async Task Executions_of_a_thing_piped_to_Remove_IotJobExecution_bind_job_thing_and_number()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j1");
        sim.Store.AddJob("j2");
        var e1 = sim.Store.AddExecution("j1", "dev:1", "SUCCEEDED");
        sim.Store.AddExecution("j2", "other", "FAILED");
        var e2 = sim.Store.AddExecution("j2", "dev:1", "QUEUED");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJobExecution -ThingName dev:1 | Remove-IotJobExecution -Force");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal(
            [
                $"/things/dev%3A1/jobs/j1/executionNumber/{e1.ExecutionNumber}",
                $"/things/dev%3A1/jobs/j2/executionNumber/{e2.ExecutionNumber}",
            ],
            sim.Requests.Where(q => q.Method == "DELETE").Select(d => d.RawPath)
        );
        Assert.Null(sim.Store.FindExecution("j1", "dev:1"));
        Assert.NotNull(sim.Store.FindExecution("j2", "other"));
    }

    [Fact]
    public async Task Strings_pipe_into_JobId()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("a");
        sim.Store.AddJob("b");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("'a','b' | Stop-IotJob");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal(["/jobs/a/cancel", "/jobs/b/cancel"], sim.Requests.ExceptOwnershipLookup().Select(q => q.RawPath));
    }

    [Fact]
    public async Task Plain_objects_with_JobId_and_ThingName_bind_as_from_a_csv()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "t1");
        sim.Store.AddExecution("j", "t2");
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            "@([pscustomobject]@{ JobId = 'j'; ThingName = 't1'; Note = 'x' }, [pscustomobject]@{ JobId = 'j'; "
                + "ThingName = 't2' }) | Stop-IotJobExecution"
        );

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal(
            ["/things/t1/jobs/j/cancel", "/things/t2/jobs/j/cancel"],
            sim.Requests.ExceptOwnershipLookup().Select(q => q.RawPath)
        );
    }

    [Fact]
    public async Task Wildcard_JobId_lists_and_filters()
    {
        await using var sim = await Sim.StartAsync();
        foreach (var id in new[] { "fw-2024-1", "fw-2024-2", "fw-2023-1", "cfg-2024" })
            sim.Store.AddJob(id);
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob -JobId 'fw-2024-*'");

        Assert.Equal(["fw-2024-1", "fw-2024-2"], r.Objects<IotJob>().Select(j => j.JobId));
        Assert.Equal("/jobs", Assert.Single(sim.Requests).RawPath);
    }

    [Fact]
    public async Task Get_streams_the_first_object_before_the_last_page_is_fetched()
    {
        await using var sim = await Sim.StartAsync();
        for (int i = 0; i < 600; i++)
            sim.Store.AddJob($"job-{i:D4}", "CANCELED");
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            "$requestsAtFirst = $null; Get-IotJob | ForEach-Object { if ($null -eq $requestsAtFirst) { "
                + "$requestsAtFirst = $sim.Requests.Count } }; $requestsAtFirst"
        );

        Assert.Equal(1, Assert.Single(r.Output).BaseObject);
        Assert.Equal(3, sim.Requests.Count); // 250 + 250 + 100
    }

    [Fact]
    public async Task A_downstream_stop_stops_paging()
    {
        await using var sim = await Sim.StartAsync();
        for (int i = 0; i < 600; i++)
            sim.Store.AddJob($"job-{i:D4}", "CANCELED");
        using var ps = PsSession.Start(sim);

        // 'break' outside a loop stops the whole pipeline, as Select-Object -First does upstream.
        var r = ps.Run("Get-IotJob | ForEach-Object { $_.JobId; break }");

        Assert.Equal("job-0000", Assert.Single(r.Output).BaseObject);
        Assert.Single(sim.Requests);
    }
}
