using IotJobs.Tests.Support;

namespace IotJobs.Tests.Cmdlets;

/// <summary>-WhatIf always wins: no mutating request, one readable line per item.</summary>
public sealed class WhatIfTests
{
    private static async Task<IotJobs.Simulator.IotJobsSimulator> Fleet()
    {
        var sim = await Sim.StartAsync();
        sim.Store.AddJob("fw-7", "IN_PROGRESS");
        sim.Store.AddExecution("fw-7", "t1", "IN_PROGRESS");
        sim.Store.AddExecution("fw-7", "t2", "QUEUED");
        sim.Store.AddJob("old-1", "CANCELED");
        return sim;
    }

    /// <summary>No request but reads: GETs, and STS's GetCallerIdentity, a POST that changes nothing.</summary>
    private static void AssertNothingChanged(IotJobs.Simulator.IotJobsSimulator sim) =>
        Assert.DoesNotContain(sim.Requests, r => r.Method != "GET" && r.Operation != "GetCallerIdentity");

    [Theory]
    [InlineData("Get-IotJob | Remove-IotJob -WhatIf")]
    [InlineData("Get-IotJob | Remove-IotJob -WhatIf -Force")]
    [InlineData("$WhatIfPreference = $true; Get-IotJob | Remove-IotJob")]
    [InlineData("$WhatIfPreference = $true; Get-IotJob | Remove-IotJob -Force")]
    public async Task Remove_IotJob_sends_no_mutation_and_describes_each_job(string script)
    {
        await using var sim = await Fleet();
        using var ps = PsSession.Start(sim);

        var r = ps.Run(script);

        AssertNothingChanged(sim);
        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal(
            [
                "What if: Remove job 'fw-7' (IN_PROGRESS)"
                    + (script.Contains("Force") ? "." : "; the service will refuse it without -Force."),
                "What if: Remove job 'old-1' (CANCELED).",
            ],
            WhatIfLines(r)
        );
        Assert.Equal("IN_PROGRESS", sim.Store.FindJob("fw-7")!.Status);
    }

    [Fact]
    public async Task Stop_IotJob_WhatIf_Force_changes_nothing()
    {
        await using var sim = await Fleet();
        using var ps = PsSession.Start(sim);

        var r = ps.Run("'fw-7' | Stop-IotJob -Force -WhatIf");

        AssertNothingChanged(sim);
        Assert.Equal(
            [
                "What if: Stop job 'fw-7' (IN_PROGRESS, 2 executions), canceling its 1 queued execution, "
                    + "and its 1 execution in progress too.",
            ],
            WhatIfLines(r)
        );
    }

    [Fact]
    public async Task Stop_IotJobExecution_WhatIf_names_job_thing_and_status()
    {
        await using var sim = await Fleet();
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJobExecution -JobId fw-7 | Stop-IotJobExecution -WhatIf");

        AssertNothingChanged(sim);
        var numbers = sim.Store.FindJob("fw-7")!.ExecutionList.Select(e => e.ExecutionNumber).ToList();
        Assert.Equal(
            [
                $"What if: Stop execution {numbers[0]} of job 'fw-7' on thing 't1' (IN_PROGRESS); "
                    + $"the service will refuse it without -Force.",
                $"What if: Stop execution {numbers[1]} of job 'fw-7' on thing 't2' (QUEUED).",
            ],
            WhatIfLines(r)
        );
    }

    [Fact]
    public async Task Remove_IotJobExecution_WhatIf_names_the_execution_number()
    {
        await using var sim = await Fleet();
        var e = sim.Store.AddExecution("old-1", "dev:9", "CANCELED");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJobExecution -ThingName dev:9 | Remove-IotJobExecution -WhatIf -Force");

        AssertNothingChanged(sim);
        Assert.Equal(
            [$"What if: Remove execution {e.ExecutionNumber} of job 'old-1' on thing 'dev:9' (CANCELED)."],
            WhatIfLines(r)
        );
    }

    /// <summary>The items' What-if lines, without the batch's summary line (see SummaryTests).</summary>
    private static string[] WhatIfLines(PsResult r) =>
        r
            .HostText.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l =>
                l.StartsWith("What if:", StringComparison.Ordinal)
                && !System.Text.RegularExpressions.Regex.IsMatch(l, @"^What if: \d+ (jobs|executions):")
            )
            .ToArray();
}
