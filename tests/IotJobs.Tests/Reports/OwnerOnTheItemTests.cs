using IotJobs.Tests.Support;

namespace IotJobs.Tests.Reports;

/// <summary>
/// A refusal that names another service as the owner rests on the item itself: against an implementation whose
/// ListJobs ignores the namespace filter (as moto does), no job is taken for a Greengrass deployment's by mistake.
/// </summary>
public sealed class OwnerOnTheItemTests
{
    [Fact]
    public async Task A_listing_that_ignores_the_namespace_filter_does_not_make_every_job_a_deployments()
    {
        await using var sim = await Sim.StartAsync(o =>
        {
            o.ListJobsIgnoresNamespaceId = true;
            o.DeletionDuration = TimeSpan.FromMinutes(5);
        });
        sim.Store.AddJob("mine-1", "CANCELED");
        sim.Store.AddJob("mine-2", "COMPLETED");
        sim.Store.AddJob("gg-deploy-1", "CANCELED", namespaceId: "aws-gg-deployment");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("'mine-1','mine-2','gg-deploy-1' | Remove-IotJob -Confirm:$false");

        var refused = Assert.Single(r.Errors);
        Assert.StartsWith("ServiceOwnedJob,", refused.FullyQualifiedErrorId);
        Assert.Contains("job 'gg-deploy-1'", refused.ErrorDetails.Message);
        Assert.Equal(
            ["/jobs/mine-1", "/jobs/mine-2"],
            sim.Requests.Where(q => q.Method == "DELETE").Select(q => q.RawPath)
        );
    }

    [Fact]
    public async Task A_namespace_only_a_filtered_listing_claims_is_confirmed_on_the_job()
    {
        await using var sim = await Sim.StartAsync(o => o.ListJobsIgnoresNamespaceId = true);
        sim.Store.AddJob("mine", "CANCELED");
        sim.Store.AddJob("gg-deploy-1", "CANCELED", namespaceId: "aws-gg-deployment");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob -NamespaceId aws-gg-deployment | Remove-IotJob -WhatIf");

        Assert.Contains("What if: Remove job 'mine' (CANCELED).", r.HostText);
        Assert.Contains(
            "What if: Remove job 'gg-deploy-1' (CANCELED); it belongs to an AWS IoT Greengrass",
            r.HostText
        );
        Assert.DoesNotContain(sim.Requests, q => q.Method != "GET");
    }
}
