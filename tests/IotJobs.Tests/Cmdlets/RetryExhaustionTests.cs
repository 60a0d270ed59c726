using System.Management.Automation;
using IotJobs.Cmdlets.Bulk;
using IotJobs.Simulator.Http;
using IotJobs.Tests.Client;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Cmdlets;

/// <summary>
/// What the user sees when the service keeps refusing past every retry. The item-level retry
/// rounds are switched off here (they would only make the test wait), so it runs alone.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class RetryExhaustionTests : IDisposable
{
    private readonly int rounds = TransientRetry.Rounds;

    public RetryExhaustionTests() => TransientRetry.Rounds = 0;

    public void Dispose() => TransientRetry.Rounds = rounds;

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_is_LimitsExceeded()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", "CANCELED");
        sim.Faults.Add(new FaultRule(FaultKind.Throttle) { Operation = "DeleteJob" });
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Remove-IotJob j -Force");

        var error = Assert.Single(r.Errors);
        Assert.Equal("Throttled,IotJobs.Cmdlets.RemoveIotJobCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
        Assert.Equal(3, sim.Requests.Count);
    }
}
