using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Simulator.Http;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Client;

/// <summary>A change whose answer is lost may have been applied: the client does not send it again blindly.</summary>
public sealed class LostAnswerTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_change_whose_answer_is_lost_is_not_resent_by_the_client(bool applied)
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", "CANCELED");
        sim.Faults.Add(new FaultRule(FaultKind.ConnectionReset) { Operation = "DeleteJob", AfterApplying = applied, Times = 1 });
        using var client = Sim.Client(sim);

        var e = await Assert.ThrowsAsync<AnswerLostException>(() => client.DeleteJobAsync(new DeleteJobRequest { JobId = "j" }));

        Assert.Contains("may or may not have applied", e.Message);
        var sent = Assert.Single(sim.Requests);
        Assert.Equal(applied, sent.Applied);
        Assert.Equal(applied ? "DELETION_IN_PROGRESS" : "CANCELED", sim.Store.FindJob("j")!.Status);
    }

    [Fact]
    public async Task A_read_whose_answer_is_lost_is_retried()
    {
        await using var sim = await Sim.StartAsync();
        sim.Faults.Add(new FaultRule(FaultKind.ConnectionReset) { Operation = "ListJobs", Times = 2 });
        using var client = Sim.Client(sim);

        await client.ListJobsAsync(new ListJobsRequest());

        Assert.Equal(3, sim.Requests.Count);
    }
}
