using IotJobs.Client.Model;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Client;

/// <summary>Following nextToken walks every item exactly once, across several pages.</summary>
public sealed class PagingTests
{
    [Fact]
    public async Task ListJobs_pages_through_every_job_with_the_filter_applied()
    {
        await using var sim = await Sim.StartAsync();
        for (int i = 0; i < 8; i++)
            sim.Store.AddJob($"job-{i}", i % 4 == 3 ? "COMPLETED" : "CANCELED");
        using var client = Sim.Client(sim);

        var seen = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            var page = await client.ListJobsAsync(
                new ListJobsRequest
                {
                    Status = "CANCELED",
                    MaxResults = 2,
                    NextToken = token,
                }
            );
            Assert.True(page.Jobs.Count <= 2);
            seen.AddRange(page.Jobs.Select(j => j.JobId!));
            token = page.NextToken;
            pages++;
        } while (token != null);

        Assert.Equal(["job-0", "job-1", "job-2", "job-4", "job-5", "job-6"], seen);
        Assert.Equal(3, pages);
        Assert.All(sim.Requests, r => Assert.Equal("CANCELED", r.QueryValue("status")));
    }

    [Fact]
    public async Task Executions_for_a_job_page_by_status()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        for (int i = 0; i < 7; i++)
            sim.Store.AddExecution("j", $"thing-{i}", i == 3 ? "SUCCEEDED" : "QUEUED");
        using var client = Sim.Client(sim);

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await client.ListJobExecutionsForJobAsync(
                new ListJobExecutionsForJobRequest
                {
                    JobId = "j",
                    Status = "QUEUED",
                    MaxResults = 2,
                    NextToken = token,
                }
            );
            seen.AddRange(page.ExecutionSummaries.Select(s => s.ThingName!));
            token = page.NextToken;
        } while (token != null);

        Assert.Equal(["thing-0", "thing-1", "thing-2", "thing-4", "thing-5", "thing-6"], seen);
        Assert.Equal(3, sim.Requests.Count);
    }

    [Fact]
    public async Task Executions_for_a_thing_page_with_namespace_filter()
    {
        await using var sim = await Sim.StartAsync();
        for (int i = 0; i < 7; i++)
        {
            sim.Store.AddJob($"j{i}", namespaceId: i == 0 ? null : "gg");
            sim.Store.AddExecution($"j{i}", "t");
        }
        using var client = Sim.Client(sim);

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await client.ListJobExecutionsForThingAsync(
                new ListJobExecutionsForThingRequest
                {
                    ThingName = "t",
                    NamespaceId = "gg",
                    MaxResults = 2,
                    NextToken = token,
                }
            );
            seen.AddRange(page.ExecutionSummaries.Select(s => s.JobId!));
            token = page.NextToken;
        } while (token != null);

        Assert.Equal(["j1", "j2", "j3", "j4", "j5", "j6"], seen);
        Assert.Equal(3, sim.Requests.Count);
    }

    [Fact]
    public async Task A_job_deleted_between_pages_does_not_shift_the_rest()
    {
        await using var sim = await Sim.StartAsync(o => o.DeletionDuration = TimeSpan.Zero);
        for (int i = 0; i < 4; i++)
            sim.Store.AddJob($"job-{i}", "CANCELED");
        using var client = Sim.Client(sim);

        var first = await client.ListJobsAsync(new ListJobsRequest { MaxResults = 2 });
        await client.DeleteJobAsync(new DeleteJobRequest { JobId = "job-0" });
        var second = await client.ListJobsAsync(new ListJobsRequest { MaxResults = 2, NextToken = first.NextToken });

        Assert.Equal(["job-0", "job-1"], first.Jobs.Select(j => j.JobId));
        Assert.Equal(["job-2", "job-3"], second.Jobs.Select(j => j.JobId));
        Assert.Null(second.NextToken);
    }
}
