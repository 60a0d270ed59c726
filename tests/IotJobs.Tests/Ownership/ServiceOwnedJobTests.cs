using IotJobs.Tests.Support;

namespace IotJobs.Tests.Ownership;

/// <summary>
/// Jobs other services own are refused, with the owner's way in the error, unless -AllowServiceOwned.
/// </summary>
public sealed class ServiceOwnedJobTests
{
    private static async Task<IotJobs.Simulator.IotJobsSimulator> Owned()
    {
        var sim = await Sim.StartAsync(o => o.DeletionDuration = TimeSpan.FromMinutes(1));
        sim.Store.AddJob("AFR_OTA-fw42", "IN_PROGRESS");
        sim.Store.AddExecution("AFR_OTA-fw42", "sensor-1", "QUEUED");
        sim.Store.AddJob("gg-deploy-1", "CANCELED", namespaceId: "aws-gg-deployment");
        sim.Store.AddJob("mine", "CANCELED");
        return sim;
    }

    private static string[] Mutations(IotJobs.Simulator.IotJobsSimulator sim) =>
        sim.Requests.Where(q => q.Method is "PUT" or "DELETE").Select(q => q.RawPath).ToArray();

    [Theory]
    [InlineData("Remove-IotJob AFR_OTA-fw42 -Force", "remove")]
    [InlineData("Stop-IotJob AFR_OTA-fw42 -Force", "stop")]
    public async Task An_OTA_updates_job_is_refused_naming_DeleteOTAUpdate(string script, string verb)
    {
        await using var sim = await Owned();
        using var ps = PsSession.Start(sim);

        var r = ps.Run(script);

        var error = Assert.Single(r.Errors);
        Assert.StartsWith("ServiceOwnedJob,", error.FullyQualifiedErrorId);
        Assert.Equal(
            $"Cannot {verb} job 'AFR_OTA-fw42': it belongs to the OTA update 'fw42' (AWS IoT over-the-air updates), "
                + $"which manages its job itself. Nothing was sent.",
            error.ErrorDetails.Message
        );
        Assert.Contains(
            "aws iot delete-ota-update --ota-update-id fw42 --force-delete-aws-job",
            error.ErrorDetails.RecommendedAction
        );
        Assert.Contains("-AllowServiceOwned", error.ErrorDetails.RecommendedAction);
        Assert.Empty(Mutations(sim));
    }

    [Theory]
    [InlineData("Remove-IotJob AFR_OTA-fw42 -Force -AllowServiceOwned", "/jobs/AFR_OTA-fw42")]
    [InlineData("Stop-IotJob AFR_OTA-fw42 -AllowServiceOwned", "/jobs/AFR_OTA-fw42/cancel")]
    [InlineData(
        "Get-IotJob -NamespaceId aws-gg-deployment | Remove-IotJob -Confirm:$false -AllowServiceOwned",
        "/jobs/gg-deploy-1"
    )]
    public async Task With_AllowServiceOwned_the_job_is_changed(string script, string path)
    {
        await using var sim = await Owned();
        using var ps = PsSession.Start(sim);

        var r = ps.Run(script);

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal([path], Mutations(sim));
    }

    [Fact]
    public async Task A_Greengrass_deployments_job_listed_by_namespace_is_refused_naming_CancelDeployment()
    {
        await using var sim = await Owned();
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob -NamespaceId aws-gg-deployment | Remove-IotJob -Confirm:$false");

        var error = Assert.Single(r.Errors);
        Assert.StartsWith(
            "Cannot remove job 'gg-deploy-1': it belongs to an AWS IoT Greengrass deployment (namespace "
                + "'aws-gg-deployment')",
            error.ErrorDetails.Message
        );
        Assert.Contains("aws greengrassv2 cancel-deployment", error.ErrorDetails.RecommendedAction);
        Assert.Empty(Mutations(sim));
    }

    [Fact]
    public async Task Job_ids_whose_namespace_is_unknown_are_told_apart_by_one_listing_of_the_deployments_jobs()
    {
        await using var sim = await Owned();
        using var ps = PsSession.Start(sim);

        var r = ps.Run("'gg-deploy-1','mine' | Remove-IotJob -Confirm:$false");

        Assert.StartsWith("ServiceOwnedJob,", Assert.Single(r.Errors).FullyQualifiedErrorId);
        Assert.Equal(["/jobs/mine"], Mutations(sim));
        Assert.Equal(
            "aws-gg-deployment",
            Assert
                .Single(sim.Requests, q => q.Operation == "ListJobs" && q.QueryValue("namespaceId") != null)
                .QueryValue("namespaceId")
        );
    }

    [Fact]
    public async Task The_executions_of_an_owned_job_are_refused_too()
    {
        await using var sim = await Owned();
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJobExecution -JobId AFR_OTA-fw42 | Stop-IotJobExecution");

        Assert.Contains("its job belongs to the OTA update 'fw42'", Assert.Single(r.Errors).ErrorDetails.Message);
        Assert.Empty(Mutations(sim));
    }

    [Fact]
    public async Task A_dry_run_says_which_jobs_are_owned_on_their_What_if_lines_and_in_its_summary()
    {
        await using var sim = await Owned();
        using var ps = PsSession.Start(sim);

        var r = ps.Run("'AFR_OTA-fw42','gg-deploy-1','mine' | Remove-IotJob -WhatIf");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Contains(
            "What if: Remove job 'AFR_OTA-fw42' (IN_PROGRESS, 1 execution); "
                + "it belongs to the OTA update 'fw42' (AWS IoT over-the-air updates), "
                + "which manages its job itself, so it is refused without -AllowServiceOwned.",
            r.HostText
        );
        Assert.Contains(
            "What if: Remove job 'gg-deploy-1' (CANCELED, 0 executions); "
                + "it belongs to an AWS IoT Greengrass deployment (namespace 'aws-gg-deployment'), "
                + "which manages its job itself, so it is refused without -AllowServiceOwned.",
            r.HostText
        );
        Assert.Contains("What if: Remove job 'mine' (CANCELED, 0 executions).", r.HostText);
        Assert.Contains(
            "What if: 3 jobs: 1 would be removed, 2 owned by another service (would need -AllowServiceOwned).",
            r.HostText
        );
        Assert.Empty(Mutations(sim));
    }

    [Fact]
    public async Task A_real_runs_summary_counts_the_owned_jobs_apart_from_the_failures()
    {
        await using var sim = await Owned();
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            "'gg-deploy-1','mine' | Remove-IotJob -Confirm:$false -ErrorAction SilentlyContinue -InformationVariable "
                + "info; $info.MessageData"
        );

        var summary = Assert.Single(r.Objects<IotJobs.Model.IotJobsSummary>());
        Assert.Equal((1, 1, 0), (summary.Changed, summary.ServiceOwned, summary.Failed));
        Assert.Equal("2 jobs: 1 removed, 1 owned by another service (needs -AllowServiceOwned).", summary.ToString());
    }

    [Fact]
    public async Task When_the_deployments_jobs_cannot_be_listed_the_items_are_refused_not_changed_unchecked()
    {
        await using var sim = await Owned();
        sim.Faults.Add(
            new IotJobs.Simulator.Http.FaultRule(IotJobs.Simulator.Http.FaultKind.Error)
            {
                Operation = "ListJobs",
                Status = 403,
                ErrorType = "AccessDeniedException",
                Message = "User is not authorized to perform: iot:ListJobs",
            }
        );
        using var ps = PsSession.Start(sim);

        var r = ps.Run("'mine','gg-deploy-1' | Remove-IotJob -Confirm:$false");

        Assert.Equal(2, r.Errors.Count);
        Assert.All(r.Errors, e => Assert.StartsWith("OwnershipUnknown,", e.FullyQualifiedErrorId));
        Assert.StartsWith(
            "Cannot remove job 'mine': whether it belongs to an AWS IoT Greengrass deployment cannot be checked: "
                + "listing the jobs of namespace "
                + "'aws-gg-deployment' was denied (User is not authorized to perform: iot:ListJobs)",
            r.Errors[0].ErrorDetails.Message
        );
        Assert.StartsWith(
            "Grant the caller iot:ListJobs, or, if you know the job is not another service's, add -AllowServiceOwned.",
            r.Errors[0].ErrorDetails.RecommendedAction
        );
        Assert.Single(sim.Requests, q => q.Operation == "ListJobs");
        Assert.Empty(Mutations(sim));
    }
}
