using IotJobs.Model;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Identity;

/// <summary>
/// Unattended runs read no item first: -Confirm:$false and -Force send the changes, after at most one
/// ownership lookup per command (none with -AllowServiceOwned). -PassThru
/// writes the same full object whatever the flags, as the service has it after the change.
/// </summary>
public sealed class RequestsOnlyWhereNeededTests
{
    private static async Task<IotJobs.Simulator.IotJobsSimulator> CanceledJobs(int n)
    {
        var sim = await Sim.StartAsync(o => o.DeletionDuration = TimeSpan.FromMilliseconds(100));
        for (int i = 0; i < n; i++)
            sim.Store.AddJob($"old-{i:D3}", "CANCELED", description: "old build");
        return sim;
    }

    [Theory]
    [InlineData("Get-IotJob -Status CANCELED | Remove-IotJob -Confirm:$false")]
    [InlineData("Get-IotJob -Status CANCELED | Remove-IotJob -Force")]
    [InlineData("$ids | Remove-IotJob -Confirm:$false")]
    [InlineData("$ids | Remove-IotJob -Force")]
    public async Task Unattended_removals_send_one_DeleteJob_per_job_and_no_DescribeJob(string script)
    {
        await using var sim = await CanceledJobs(25);
        using var ps = PsSession.Start(sim);
        ps.SetVariable("ids", Enumerable.Range(0, 25).Select(i => $"old-{i:D3}").ToArray());

        var r = ps.Run(script);

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal(25, sim.Requests.Count(q => q.Operation == "DeleteJob"));
        Assert.Equal(0, sim.Requests.Count(q => q.Operation == "DescribeJob"));
    }

    [Theory]
    [InlineData("Stop-IotJob -JobId run -Confirm:$false")]
    [InlineData("Stop-IotJobExecution -JobId run -ThingName t -Confirm:$false")]
    [InlineData("Remove-IotJobExecution -JobId old-000 -ThingName t -ExecutionNumber 1 -Confirm:$false")]
    public async Task Unattended_stops_and_execution_removals_send_the_change_and_one_ownership_lookup(string script)
    {
        await using var sim = await CanceledJobs(1);
        sim.Store.AddJob("run");
        sim.Store.AddExecution("old-000", "t", "CANCELED");
        sim.Store.AddExecution("run", "t", "QUEUED");
        using var ps = PsSession.Start(sim);

        var r = ps.Run(script);

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        // Nothing is read of the item itself; a string's namespace is unknown, so the command lists the
        // Greengrass deployments' jobs once, before its first change.
        Assert.Equal(2, sim.Requests.Count);
        Assert.True(sim.Requests[0].IsOwnershipLookup(), sim.Requests[0].ToString());
        Assert.True(sim.Requests[1].Applied, sim.Requests[1].ToString());
    }

    [Fact]
    public async Task AllowServiceOwned_sends_the_change_alone()
    {
        await using var sim = await CanceledJobs(1);
        sim.Store.AddJob("run");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Stop-IotJob -JobId run -Confirm:$false -AllowServiceOwned");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal("PUT /jobs/run/cancel", $"{Assert.Single(sim.Requests).Method} {sim.Requests[0].RawPath}");
    }

    [Theory]
    [InlineData("-Confirm:$false")]
    [InlineData("-Force")]
    public async Task PassThru_writes_the_full_job_as_the_service_has_it_whatever_the_flags(string flags)
    {
        await using var sim = await CanceledJobs(1);
        using var ps = PsSession.Start(sim);

        var r = ps.Run($"Remove-IotJob old-000 {flags} -PassThru");

        var job = Assert.Single(r.Objects<IotJob>());
        Assert.Equal(
            ("old-000", "DELETION_IN_PROGRESS", "old build", "us-east-1"),
            (job.JobId, job.Status, job.Description, job.Region)
        );
        Assert.NotNull(job.ProcessDetails);
    }

    [Fact]
    public async Task After_Wait_PassThru_reports_each_job_as_deleted()
    {
        // Deletions quicker than a request: the job is gone before it could be read after its deletion.
        await using var sim = await Sim.StartAsync(o => o.DeletionDuration = TimeSpan.Zero);
        sim.Store.AddJob("a", "CANCELED", description: "first");
        sim.Store.AddJob("b", "COMPLETED", description: "second");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("'a','b' | Remove-IotJob -Force -Wait -PassThru");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal(
            [("a", "DELETED", "first"), ("b", "DELETED", "second")],
            r.Objects<IotJob>().Select(j => (j.JobId, j.Status, j.Description))
        );
        Assert.Equal(0, sim.Store.JobCount);
    }
}
