using IotJobs.Model;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Cmdlets;

public sealed class OutputTests
{
    [Theory]
    [InlineData(typeof(IotJob), "IotJobs.Model.IotJob")]
    [InlineData(typeof(IotJobExecution), "IotJobs.Model.IotJobExecution")]
    [InlineData(typeof(IotJobProcessDetails), "IotJobs.Model.IotJobProcessDetails")]
    public void Output_types_are_sealed_with_stable_names_for_format_views(Type type, string name)
    {
        Assert.True(type.IsSealed);
        Assert.Equal(name, type.FullName);
    }

    [Fact]
    public async Task Every_output_carries_the_identity_properties_at_top_level()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        var added = sim.Store.AddExecution("j", "t:1", "QUEUED", versionNumber: 4);
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            "Get-IotJob j; Get-IotJobExecution -JobId j; Get-IotJobExecution -ThingName t:1; "
                + "Get-IotJobExecution -JobId j -ThingName t:1"
        );

        var job = Assert.Single(r.Objects<IotJob>());
        Assert.Equal(("j", "IN_PROGRESS", 1), (job.JobId, job.Status, job.ProcessDetails!.Queued));
        var executions = r.Objects<IotJobExecution>().ToList();
        Assert.Equal(3, executions.Count);
        Assert.All(executions, e =>
            Assert.Equal(
                ("j", "t:1", added.ExecutionNumber, "QUEUED"),
                (e.JobId, e.ThingName, e.ExecutionNumber, e.Status)
            )
        );
        Assert.Equal(4, executions[2].VersionNumber);
    }

    [Fact]
    public async Task Stop_IotJob_PassThru_writes_the_job_as_it_now_is()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Stop-IotJob j -ReasonCode ROLLBACK -PassThru");

        var job = Assert.Single(r.Objects<IotJob>());
        Assert.Equal(("j", "CANCELED", "ROLLBACK"), (job.JobId, job.Status, job.ReasonCode));
    }

    [Fact]
    public async Task Stop_IotJobExecution_PassThru_writes_the_execution_as_it_now_is()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "t", "QUEUED", versionNumber: 2);
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Stop-IotJobExecution j t -StatusDetails @{ reason = 'rollback' } -PassThru");

        var e = Assert.Single(r.Objects<IotJobExecution>());
        Assert.Equal(("CANCELED", 3L, "rollback"), (e.Status, e.VersionNumber!.Value, e.StatusDetails["reason"]));
    }

    [Fact]
    public async Task Remove_IotJob_PassThru_writes_the_job_in_deletion()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", "COMPLETED");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Remove-IotJob j -Force -PassThru");

        var job = Assert.Single(r.Objects<IotJob>());
        Assert.Equal(("j", "DELETION_IN_PROGRESS"), (job.JobId, job.Status));
    }

    [Fact]
    public async Task Without_PassThru_Stop_and_Remove_write_nothing()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Store.AddJob("k", "COMPLETED");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Stop-IotJob j; Remove-IotJob k -Force");

        Assert.Empty(r.Output);
        Assert.False(r.HadErrors);
    }
}
