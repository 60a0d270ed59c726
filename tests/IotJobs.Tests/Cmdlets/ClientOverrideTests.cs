using IotJobs.Model;
using IotJobs.TestDoubles;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Cmdlets;

/// <summary>
/// The seam the Pester suite uses: an in-memory client injected per runspace. These run the
/// Pester suite's key cases in the hosted engine, so the double and the seam are proven here.
/// </summary>
public sealed class ClientOverrideTests
{
    private static InMemoryIotJobsClient Fleet() =>
        new InMemoryIotJobsClient()
            .AddJob("fw-1")
            .AddJob("old-1", "CANCELED")
            .AddExecution("fw-1", "sensor-1")
            .AddExecution("fw-1", "sensor:2", "IN_PROGRESS");

    /// <summary>Injects the client from within the runspace, as the Pester suite does, then runs the script.</summary>
    private static PsResult RunWith(InMemoryIotJobsClient client, string script)
    {
        using var ps = PsSession.Start(null);
        ps.SetVariable("client", client);
        return ps.Run("[IotJobs.Cmdlets.ClientOverride]::Use($client); " + script);
    }

    [Fact]
    public void Cmdlets_use_the_injected_client_and_WhatIf_sends_no_mutation()
    {
        var client = Fleet();

        var r = RunWith(client, "Get-IotJob | Remove-IotJob -WhatIf -Force");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Empty(client.MutatingCallNames());
        // The listing is the dry run's only cost beside the ownership lookup: the listed jobs carry their state.
        Assert.Equal(["ListJobs", "ListJobs"], client.CallNames());
        Assert.Contains("What if: Remove job 'fw-1' (IN_PROGRESS).", r.HostText);
    }

    [Fact]
    public void Errors_from_the_double_map_like_the_service_ones()
    {
        var client = Fleet();

        var r = RunWith(
            client,
            "'missing','old-1' | Remove-IotJob -Force; Stop-IotJobExecution fw-1 sensor:2; "
                + "Stop-IotJobExecution fw-1 sensor-1 -ExpectedVersion 9"
        );

        Assert.Equal(
            [
                "NotFound,IotJobs.Cmdlets.RemoveIotJobCommand",
                "InvalidStateTransition,IotJobs.Cmdlets.StopIotJobExecutionCommand",
                "VersionConflict,IotJobs.Cmdlets.StopIotJobExecutionCommand",
            ],
            r.Errors.Select(e => e.FullyQualifiedErrorId)
        );
        Assert.Contains("at version 1, not the expected version 9", r.Errors[2].ErrorDetails.Message);
        Assert.Equal("DELETION_IN_PROGRESS", client.StatusOf("old-1"));
    }

    [Fact]
    public void Runspaces_in_parallel_each_see_only_their_own_client()
    {
        var clients = Enumerable.Range(0, 4).Select(i => new InMemoryIotJobsClient().AddJob($"only-in-{i}")).ToArray();

        var seen = clients
            .AsParallel()
            .Select(c =>
                RunWith(c, "1..20 | ForEach-Object { (Get-IotJob).JobId }")
                    .Output.Select(o => (string)o.BaseObject)
                    .Distinct()
                    .ToArray()
            )
            .ToArray();

        for (int i = 0; i < clients.Length; i++)
            Assert.Equal([$"only-in-{i}"], seen[i]);
    }

    [Fact]
    public void Without_an_override_the_cmdlets_connect_as_configured()
    {
        using var ps = PsSession.Start(null);

        var r = ps.Run(
            "[IotJobs.Cmdlets.ClientOverride]::Clear(); Get-IotJob -EndpointUrl 'ftp://nowhere' -Region us-east-1"
        );

        Assert.Equal(
            "InvalidConnectionSettings,IotJobs.Cmdlets.GetIotJobCommand",
            Assert.Single(r.Errors).FullyQualifiedErrorId
        );
    }

    [Fact]
    public void The_double_describes_jobs_with_their_execution_counts_as_the_list_view_shows_them()
    {
        var job = (IotJob)RunWith(Fleet(), "Get-IotJob fw-1").Output.Single().BaseObject;

        Assert.Equal(
            "2 executions: 1 queued, 1 in progress, 0 succeeded, 0 failed, 0 canceled",
            job.ProcessDetails!.ToString()
        );
    }

    [Fact]
    public void Paging_through_the_double_stops_when_the_pipeline_stops()
    {
        var client = Fleet().AddJob("x-1").AddJob("x-2").AddJob("x-3");

        var r = RunWith(client, "Get-IotJob | ForEach-Object { $_.JobId; break }");

        Assert.Equal(["fw-1"], r.Objects<string>());
        Assert.Equal(["ListJobs"], client.CallNames());
        Assert.IsType<IotJob>(RunWith(client, "Get-IotJob fw-1").Output.Single().BaseObject);
    }
}
