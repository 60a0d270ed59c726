using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Simulator;

/// <summary>
/// A thing can hold several executions of one job over time, each with its own executionNumber: a continuous
/// job reaches a thing again after its earlier execution finished. Reads name one by number or take the
/// latest; changes act on the latest (cancel) or on the one named (delete).
/// </summary>
public sealed class ExecutionHistoryTests
{
    [Fact]
    public async Task A_thing_gets_a_new_execution_once_its_earlier_one_has_finished_and_describe_takes_the_latest()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", targetSelection: "CONTINUOUS");
        var first = sim.Store.AddExecution("j", "t", "SUCCEEDED");
        var second = sim.Store.AddExecution("j", "t", "QUEUED");
        using var client = Sim.Client(sim);

        var latest = await Describe(client, null);
        var earlier = await Describe(client, first.ExecutionNumber);

        Assert.NotEqual(first.ExecutionNumber, second.ExecutionNumber);
        Assert.Equal((second.ExecutionNumber, "QUEUED"), (latest.ExecutionNumber!.Value, latest.Status));
        Assert.Equal((first.ExecutionNumber, "SUCCEEDED"), (earlier.ExecutionNumber!.Value, earlier.Status));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Describe(client, second.ExecutionNumber + 100));
    }

    [Fact]
    public async Task A_second_execution_while_the_first_is_still_open_is_refused_when_seeding()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", targetSelection: "CONTINUOUS");
        sim.Store.AddExecution("j", "t", "IN_PROGRESS");

        var e = Assert.Throws<InvalidOperationException>(() => sim.Store.AddExecution("j", "t", "QUEUED"));

        Assert.Contains("IN_PROGRESS", e.Message);
        Assert.Single(sim.Store.FindJob("j")!.ExecutionList);
    }

    [Fact]
    public async Task ListJobExecutionsForThing_lists_every_execution_page_by_page_and_filters_by_jobId()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", targetSelection: "CONTINUOUS");
        sim.Store.AddJob("k");
        var numbers = new[]
        {
            sim.Store.AddExecution("j", "t", "FAILED").ExecutionNumber,
            sim.Store.AddExecution("j", "t", "SUCCEEDED").ExecutionNumber,
            sim.Store.AddExecution("j", "t", "QUEUED").ExecutionNumber,
        };
        sim.Store.AddExecution("k", "t", "QUEUED");
        using var client = Sim.Client(sim);

        var ofJob = await ForThing(client, "j");
        var all = await ForThing(client, null);

        Assert.Equal(numbers, ofJob.Select(s => s.JobExecutionSummary!.ExecutionNumber!.Value));
        Assert.All(ofJob, s => Assert.Equal("j", s.JobId));
        Assert.Equal(4, all.Count);
        Assert.Equal(4, all.Select(s => (s.JobId, s.JobExecutionSummary!.ExecutionNumber)).Distinct().Count());
        var filter = sim.Requests.Where(r => r.Operation == "ListJobExecutionsForThing").First();
        Assert.Equal("j", filter.QueryValue("jobId"));
    }

    [Fact]
    public async Task ListJobExecutionsForJob_lists_every_execution_of_the_job_page_by_page()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", targetSelection: "CONTINUOUS");
        sim.Store.AddExecution("j", "a", "SUCCEEDED");
        sim.Store.AddExecution("j", "b", "TIMED_OUT");
        sim.Store.AddExecution("j", "b", "IN_PROGRESS");
        using var client = Sim.Client(sim);

        var seen = new List<(string?, long?, string?)>();
        string? token = null;
        do
        {
            var page = await client.ListJobExecutionsForJobAsync(
                new ListJobExecutionsForJobRequest
                {
                    JobId = "j",
                    MaxResults = 1,
                    NextToken = token,
                }
            );
            seen.AddRange(
                page.ExecutionSummaries.Select(s =>
                    (s.ThingName, s.JobExecutionSummary!.ExecutionNumber, s.JobExecutionSummary.Status)
                )
            );
            token = page.NextToken;
        } while (token is not null);

        Assert.Equal(["a", "b", "b"], seen.Select(s => s.Item1));
        Assert.Equal(["SUCCEEDED", "TIMED_OUT", "IN_PROGRESS"], seen.Select(s => s.Item3));
        Assert.Equal(3, seen.Select(s => s.Item2).Distinct().Count());
    }

    [Fact]
    public async Task CancelJobExecution_cancels_the_latest_execution_and_leaves_the_earlier_one()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", targetSelection: "CONTINUOUS");
        var first = sim.Store.AddExecution("j", "t", "SUCCEEDED");
        var second = sim.Store.AddExecution("j", "t", "QUEUED");
        using var client = Sim.Client(sim);

        await client.CancelJobExecutionAsync(new CancelJobExecutionRequest { JobId = "j", ThingName = "t" });

        Assert.Equal("CANCELED", (await Describe(client, second.ExecutionNumber)).Status);
        Assert.Equal("SUCCEEDED", (await Describe(client, first.ExecutionNumber)).Status);
    }

    [Fact]
    public async Task DeleteJobExecution_deletes_the_execution_it_names_and_the_other_stays()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", targetSelection: "CONTINUOUS");
        var first = sim.Store.AddExecution("j", "t", "SUCCEEDED");
        var second = sim.Store.AddExecution("j", "t", "FAILED");
        using var client = Sim.Client(sim);

        await client.DeleteJobExecutionAsync(
            new DeleteJobExecutionRequest
            {
                JobId = "j",
                ThingName = "t",
                ExecutionNumber = first.ExecutionNumber,
            }
        );

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Describe(client, first.ExecutionNumber));
        Assert.Equal(second.ExecutionNumber, (await Describe(client, null)).ExecutionNumber);
    }

    [Fact]
    public async Task DescribeJob_counts_each_thing_once_by_its_latest_execution()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", targetSelection: "CONTINUOUS");
        sim.Store.AddExecution("j", "a", "SUCCEEDED");
        sim.Store.AddExecution("j", "a", "QUEUED");
        sim.Store.AddExecution("j", "b", "FAILED");
        using var client = Sim.Client(sim);

        var job = (await client.DescribeJobAsync(new DescribeJobRequest { JobId = "j" })).Job!;

        var details = job.JobProcessDetails!;
        Assert.Equal(1, details.NumberOfQueuedThings);
        Assert.Equal(0, details.NumberOfSucceededThings);
        Assert.Equal(1, details.NumberOfFailedThings);
        Assert.Equal(2, job.Targets.Count);
    }

    private static async Task<JobExecution> Describe(IotJobsClient client, long? number) =>
        (
            await client.DescribeJobExecutionAsync(
                new DescribeJobExecutionRequest
                {
                    JobId = "j",
                    ThingName = "t",
                    ExecutionNumber = number,
                }
            )
        ).Execution!;

    private static async Task<List<JobExecutionSummaryForThing>> ForThing(IotJobsClient client, string? jobId)
    {
        var all = new List<JobExecutionSummaryForThing>();
        string? token = null;
        do
        {
            var page = await client.ListJobExecutionsForThingAsync(
                new ListJobExecutionsForThingRequest
                {
                    ThingName = "t",
                    JobId = jobId,
                    MaxResults = 1,
                    NextToken = token,
                }
            );
            all.AddRange(page.ExecutionSummaries);
            token = page.NextToken;
        } while (token is not null);
        return all;
    }
}
