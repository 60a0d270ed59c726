using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Simulator.Http;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Client;

/// <summary>
/// A change whose answer is lost may have been applied: the client looks before it sends it again, never blindly.
/// </summary>
public sealed class LostAnswerTests
{
    [Fact]
    public async Task A_change_applied_whose_answer_is_lost_is_looked_up_and_counts_as_done()
    {
        await using var sim = await Sim.StartAsync(o => o.DeletionDuration = TimeSpan.FromMinutes(1));
        sim.Store.AddJob("j", "CANCELED");
        sim.Faults.Add(
            new FaultRule(FaultKind.ConnectionReset)
            {
                Operation = "DeleteJob",
                AfterApplying = true,
                Times = 1,
            }
        );
        using var client = Sim.Client(sim);

        await client.DeleteJobAsync(new DeleteJobRequest { JobId = "j" });

        Assert.Equal(["DeleteJob 0", "DescribeJob 200"], sim.Requests.Select(q => $"{q.Operation} {q.Status}"));
        Assert.Equal("DELETION_IN_PROGRESS", sim.Store.FindJob("j")!.Status);
    }

    [Fact]
    public async Task A_change_lost_before_it_was_applied_is_looked_up_then_sent_again()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Faults.Add(new FaultRule(FaultKind.ConnectionReset) { Operation = "CancelJob", Times = 1 });
        using var client = Sim.Client(sim);

        await client.CancelJobAsync(new CancelJobRequest { JobId = "j" });

        Assert.Equal(
            ["CancelJob 0", "DescribeJob 200", "CancelJob 200"],
            sim.Requests.Select(q => $"{q.Operation} {q.Status}")
        );
        Assert.Equal(1, sim.Requests.Count(q => q.Applied));
    }

    [Fact]
    public async Task When_the_look_fails_too_the_outcome_is_reported_unknown_and_nothing_is_resent()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", "CANCELED");
        sim.Faults.Add(
            new FaultRule(FaultKind.ConnectionReset)
            {
                Operation = "DeleteJob",
                AfterApplying = true,
                Times = 1,
            }
        );
        sim.Faults.Add(new FaultRule(FaultKind.ServiceUnavailable) { Operation = "DescribeJob" });
        using var client = Sim.Client(sim);

        var e = await Assert.ThrowsAsync<AnswerLostException>(() =>
            client.DeleteJobAsync(new DeleteJobRequest { JobId = "j" })
        );

        Assert.Contains("may or may not have applied", e.Message);
        Assert.Single(sim.Requests, q => q.Operation == "DeleteJob");
        Assert.Equal(IotJobsClientOptions.DefaultMaxAttempts, sim.Requests.Count(q => q.Operation == "DescribeJob"));
    }

    [Fact]
    public async Task A_read_whose_answer_is_lost_is_retried_within_three_attempts()
    {
        await using var sim = await Sim.StartAsync();
        sim.Faults.Add(new FaultRule(FaultKind.ConnectionReset) { Operation = "ListJobs", Times = 2 });
        using var client = Sim.Client(sim);

        await client.ListJobsAsync(new ListJobsRequest());

        Assert.Equal(3, sim.Requests.Count);
    }
}
