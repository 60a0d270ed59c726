using IotJobs.Tests.Support;

namespace IotJobs.Tests.Reports;

/// <summary>A batch a person declined ends with what was skipped, not with errors.</summary>
public sealed class DeclinedTests
{
    [Fact]
    public async Task No_to_All_skips_the_rest_of_the_batch_without_refusing_any_of_it()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("a");
        sim.Store.AddJob("b");
        sim.Store.AddJob("AFR_OTA-fw42");
        using var ps = PsSession.Start(sim, "L");

        var r = ps.Run(
            "'a','b','AFR_OTA-fw42' | Stop-IotJob -Force -Confirm -InformationVariable info; $info.MessageData"
        );

        Assert.Empty(r.Errors);
        Assert.Single(r.Prompts);
        Assert.Equal(
            "3 jobs: 0 stopped, 3 skipped.",
            Assert.Single(r.Objects<IotJobs.Model.IotJobsSummary>()).ToString()
        );
        Assert.DoesNotContain(sim.Requests, q => q.Method == "PUT");
    }
}
