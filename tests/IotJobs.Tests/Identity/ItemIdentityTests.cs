using System.Management.Automation;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Identity;

/// <summary>
/// A change touches exactly the item the user meant: a filter given is honoured, an execution is never
/// taken for its job, a listed job keeps its namespace, and an exported CSV pipes back in.
/// </summary>
public sealed class ItemIdentityTests
{
    private static string[] Mutations(IotJobs.Simulator.IotJobsSimulator sim) =>
        sim.Requests.Where(q => q.Method is "PUT" or "DELETE").Select(q => $"{q.Method} {q.RawPath}").ToArray();

    [Fact]
    public async Task ExecutionNumber_with_JobId_alone_keeps_only_that_execution_so_a_removal_touches_only_it()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("fw-2024-11-rollout", "CANCELED");
        var executions = new[] { "sensor-01", "sensor-02", "sensor-03" }
            .Select(t => sim.Store.AddExecution("fw-2024-11-rollout", t, "CANCELED"))
            .ToList();
        long third = executions[2].ExecutionNumber;
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            $"Get-IotJobExecution -JobId fw-2024-11-rollout -ExecutionNumber {third} | Remove-IotJobExecution -Force"
        );

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal([$"DELETE /things/sensor-03/jobs/fw-2024-11-rollout/executionNumber/{third}"], Mutations(sim));
        Assert.NotNull(sim.Store.FindExecution("fw-2024-11-rollout", "sensor-01"));
        Assert.NotNull(sim.Store.FindExecution("fw-2024-11-rollout", "sensor-02"));
    }

    [Theory]
    [InlineData("Remove-IotJob -Force", "remove", "Remove-IotJobExecution")]
    [InlineData("Stop-IotJob -Force", "stop", "Stop-IotJobExecution")]
    public async Task An_execution_piped_to_a_job_level_cmdlet_is_refused_and_names_the_execution_cmdlet(
        string command,
        string verb,
        string executionCmdlet
    )
    {
        await using var sim = await Sim.StartAsync();
        foreach (var job in new[] { "fw-a", "fw-b" })
        {
            sim.Store.AddJob(job, "IN_PROGRESS");
            sim.Store.AddExecution(job, "sensor-03", "QUEUED");
            sim.Store.AddExecution(job, "sensor-04", "QUEUED");
        }
        using var ps = PsSession.Start(sim);

        var r = ps.Run($"Get-IotJobExecution -ThingName sensor-03 | {command}");

        Assert.Empty(Mutations(sim));
        Assert.Equal("IN_PROGRESS", sim.Store.FindJob("fw-a")!.Status);
        Assert.Equal(2, r.Errors.Count);
        var error = r.Errors[0];
        Assert.Equal(
            $"ExecutionNotJob,IotJobs.Cmdlets.{(verb == "stop" ? "Stop" : "Remove")}IotJobCommand",
            error.FullyQualifiedErrorId
        );
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(
            $"Cannot {verb} job 'fw-a': it was given an execution of that job (on sensor-03), "
                + $"and would {verb} the whole job, for every device. Nothing was sent.",
            error.ErrorDetails.Message
        );
        Assert.Contains($"use {executionCmdlet}", error.ErrorDetails.RecommendedAction);
        Assert.Contains("| ForEach-Object JobId | Sort-Object -Unique |", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public async Task A_job_listed_by_namespace_keeps_it_on_its_way_to_Remove_IotJob()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("greengrass-deploy-7", "CANCELED", namespaceId: "aws-gg-deployment");
        using var ps = PsSession.Start(sim);

        // A namespaced job is Greengrass's, so removing it takes -AllowServiceOwned; its namespace goes with it.
        var r = ps.Run("Get-IotJob -NamespaceId aws-gg-deployment | Remove-IotJob -Confirm:$false -AllowServiceOwned");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal(
            "aws-gg-deployment",
            Assert.Single(sim.Requests, q => q.Method == "DELETE").QueryValue("namespaceId")
        );
    }

    [Fact]
    public async Task Jobs_exported_to_csv_import_back_into_Remove_IotJob()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("old-1", "CANCELED");
        sim.Store.AddJob("old-2", "COMPLETED");
        using var ps = PsSession.Start(sim);
        string csv = Path.Combine(Path.GetTempPath(), $"jobs-{Guid.NewGuid():N}.csv");
        ps.SetVariable("csv", csv);

        var r = ps.Run("Get-IotJob | Export-Csv -Path $csv; Import-Csv -Path $csv | Remove-IotJob -WhatIf");
        File.Delete(csv);

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        // A CSV row's state is of unknown age: each is read again before it is described.
        Assert.Equal(
            [
                "What if: Remove job 'old-1' (CANCELED, 0 executions).",
                "What if: Remove job 'old-2' (COMPLETED, 0 executions).",
                "What if: 2 jobs: 2 would be removed.",
            ],
            r.HostText.Split('\n').Where(l => l.StartsWith("What if:"))
        );
        Assert.Equal(2, sim.Requests.Count(q => q.Operation == "DescribeJob"));
        Assert.Empty(Mutations(sim));
    }

    [Fact]
    public async Task Executions_exported_to_csv_import_back_into_Remove_IotJobExecution()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("old-1", "CANCELED");
        var e = sim.Store.AddExecution("old-1", "dev:1", "CANCELED");
        using var ps = PsSession.Start(sim);
        string csv = Path.Combine(Path.GetTempPath(), $"executions-{Guid.NewGuid():N}.csv");
        ps.SetVariable("csv", csv);

        var r = ps.Run(
            "Get-IotJobExecution -JobId old-1 | Export-Csv -Path $csv; "
                + "Import-Csv -Path $csv | Remove-IotJobExecution -Confirm:$false"
        );
        File.Delete(csv);

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal([$"DELETE /things/dev%3A1/jobs/old-1/executionNumber/{e.ExecutionNumber}"], Mutations(sim));
    }

    [Fact]
    public async Task A_csv_row_from_another_region_is_refused_rather_than_acted_on_here()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("old-1", "CANCELED");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("'JobId,Region', 'old-1,eu-west-1' | ConvertFrom-Csv | Remove-IotJob -Force");

        var error = Assert.Single(r.Errors);
        Assert.Equal("WrongRegion,IotJobs.Cmdlets.RemoveIotJobCommand", error.FullyQualifiedErrorId);
        Assert.StartsWith(
            "Cannot remove job 'old-1': the input says it is in eu-west-1, but this command acts in us-east-1",
            error.ErrorDetails.Message
        );
        Assert.Equal(
            "Add -Region eu-west-1 to act where the input says the item is.",
            error.ErrorDetails.RecommendedAction
        );
        Assert.Empty(Mutations(sim));
    }
}
