using System.Management.Automation;
using System.Text.RegularExpressions;
using IotJobs.Model;
using IotJobs.Simulator.Http;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Reports;

/// <summary>
/// At Ctrl+C every item of the batch not yet reported is named as what it is: done, not sent, or unknown (sent, with
/// no answer); items that finished behind a slower one are reported as done.
/// </summary>
public sealed class StopAccountTests
{
    private static List<string> Named(string account, string category)
    {
        var match = Regex.Match(account, Regex.Escape(category) + @" \(\d+\): (.*?)(?:;|\.\s*$)");
        return match.Success
            ? Regex.Matches(match.Groups[1].Value, "job '([^']+)'").Select(m => m.Groups[1].Value).ToList()
            : [];
    }

    [Fact]
    public async Task Items_that_finished_behind_a_slower_one_are_listed_as_done_and_the_slow_one_as_unknown()
    {
        await using var sim = await Sim.StartAsync(o => o.DeletionDuration = TimeSpan.FromMinutes(10));
        var jobs = Enumerable.Range(0, 20).Select(i => $"j-{i:D2}").ToList();
        foreach (var j in jobs)
            sim.Store.AddJob(j, "CANCELED");
        // One deletion (the first to arrive) is answered only after 20 s; the others at once.
        sim.Faults.Add(
            new FaultRule(FaultKind.Latency)
            {
                Operation = "DeleteJob",
                Times = 1,
                Delay = TimeSpan.FromSeconds(20),
            }
        );
        using var ps = PsSession.Start(sim);
        using var running = ps.Begin(
            "Get-IotJob -Status CANCELED | Remove-IotJob -Force -ThrottleLimit 8 -PassThru -AllowServiceOwned"
        );
        while (sim.Requests.Count(q => q.Operation == "DeleteJob" && q.Status == 200) < 7)
            await Task.Delay(20);
        // The service has answered them; a moment more and the module has the answers too.
        await Task.Delay(TimeSpan.FromSeconds(1));

        running.Stop();

        Assert.True(await running.EndedWithin(TimeSpan.FromSeconds(20)), "the pipeline did not stop");
        Assert.Equal(PSInvocationState.Stopped, running.State);
        var applied = sim
            .Requests.Where(q => q.Operation == "DeleteJob" && q.Status == 200)
            .Select(q => q.RawPath.Split('/')[^1])
            .ToHashSet();
        var written = running.Output.Select(o => ((IotJob)o.BaseObject).JobId).ToList();
        string account = ps.Host.Text.ReplaceLineEndings(" ");
        var done = Named(account, "Removed");
        var unknown = Named(account, "Unknown: sent, with no answer, so the service may or may not have applied it");
        // Everything the service applied is either written or named as removed, once.
        Assert.Equal(applied.Order(), written.Concat(done).Order());
        // The one still on its way is unknown, and is not among those applied.
        Assert.True(unknown.Count == 1, account);
        var slow = unknown[0];
        Assert.DoesNotContain(slow, applied);
        Assert.Contains($"Get-IotJob -JobId '{slow}'", account);
        // Those waiting for one of the service's 10 deletion places are not sent, and were not. (With -PassThru a
        // deletion reads its job just before it waits for a place: a read, not the change.)
        Assert.All(Named(account, "Not sent"), j =>
            Assert.DoesNotContain(sim.Requests, q => q.RawPath == "/jobs/" + j && q.Operation == "DeleteJob")
        );
        Assert.Contains("Nothing after them was sent.", account);
    }
}
