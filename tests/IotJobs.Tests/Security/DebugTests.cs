using System.Management.Automation;
using IotJobs.Cmdlets;
using IotJobs.Simulator.Http;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Security;

/// <summary>
/// -Debug shows a line per attempt and per decision of the resilience policy, and never asks "Continue with this
/// operation?": neither where PowerShell 7 makes -Debug's verbose preference Inquire, nor where Windows PowerShell
/// makes its debug preference Inquire. (Pester's Debug.Tests.ps1 runs the same under real pwsh -NonInteractive.)
/// </summary>
public sealed class DebugTests
{
    public static TheoryData<bool?, bool?, ActionPreference, string> VerboseRules() =>
        new()
        {
            { true, null, ActionPreference.SilentlyContinue, "Stream" },
            { true, true, ActionPreference.SilentlyContinue, "Stream" }, // -Verbose -Debug: both lines
            { false, null, ActionPreference.Continue, "Off" },
            { null, true, ActionPreference.Continue, "Off" }, // the engine would ask before each one
            { null, false, ActionPreference.Continue, "Stream" },
            { null, null, ActionPreference.Continue, "Stream" },
            { null, null, ActionPreference.Inquire, "Host" },
            { null, null, ActionPreference.SilentlyContinue, "Off" },
            { null, null, ActionPreference.Ignore, "Off" },
        };

    [Theory]
    [MemberData(nameof(VerboseRules))]
    public void Verbose_lines_follow_the_switch_and_the_preference_and_never_ask(
        bool? verbose,
        bool? debug,
        ActionPreference preference,
        string expected
    ) => Assert.Equal(expected, DiagnosticLines.VerboseWay(verbose, debug, preference).ToString());

    public static TheoryData<bool?, ActionPreference, bool, string> DebugRules() =>
        new()
        {
            { true, ActionPreference.SilentlyContinue, false, "Stream" }, // PowerShell 7: -Debug is Continue
            { true, ActionPreference.SilentlyContinue, true, "Host" }, // Windows PowerShell: -Debug is Inquire
            { false, ActionPreference.Continue, false, "Off" },
            { null, ActionPreference.Continue, false, "Stream" },
            { null, ActionPreference.Inquire, false, "Host" }, // 5.1's -Debug, inherited by a script's cmdlets
            { null, ActionPreference.Inquire, true, "Host" },
            { null, ActionPreference.SilentlyContinue, true, "Off" },
        };

    [Theory]
    [MemberData(nameof(DebugRules))]
    public void Debug_lines_follow_the_switch_and_the_preference_and_never_ask(
        bool? debug,
        ActionPreference preference,
        bool desktop,
        string expected
    ) => Assert.Equal(expected, DiagnosticLines.DebugWay(debug, preference, desktop).ToString());

    [Fact]
    public async Task Debug_shows_each_attempt_and_retry_on_the_debug_stream_without_a_prompt()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Faults.Add(new FaultRule(FaultKind.ServiceUnavailable) { Operation = "DescribeJob", Times = 1 });
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob j -Debug 5>&1 4>&1");

        Assert.Empty(r.Prompts);
        Assert.Empty(r.Objects<VerboseRecord>());
        Assert.Single(r.Objects<IotJobs.Model.IotJob>());
        var lines = r.Objects<DebugRecord>().Select(d => d.Message).ToList();
        Assert.True(lines.Count == 3, string.Join("\n", lines));
        Assert.Matches(
            $@"^DescribeJob attempt 1: GET {sim.Endpoint}jobs/j -> 503 ServiceUnavailableException; request id "
                + @"[0-9a-f-]{36}; \d+ ms\.$",
            lines[0]
        );
        Assert.Matches(
            @"^DescribeJob attempt 1 of 3 failed \(ServiceUnavailableException\); attempt 2 in \d+ ms\.$",
            lines[1]
        );
        Assert.Matches(
            $@"^DescribeJob attempt 2: GET {sim.Endpoint}jobs/j -> 200; request id [0-9a-f-]{{36}}",
            lines[2]
        );
    }

    [Fact]
    public async Task What_the_command_waits_for_is_a_debug_line_under_Debug_alone_and_a_verbose_one_with_Verbose()
    {
        await using var sim = await Sim.StartAsync(o => o.DeletionDuration = TimeSpan.FromMilliseconds(300));
        sim.Store.AddJob("a", "CANCELED");
        sim.Store.AddJob("b", "CANCELED");
        using var ps = PsSession.Start(sim);

        var debug = ps.Run("Remove-IotJob a -Force -Wait -Debug 5>&1 4>&1");
        var both = ps.Run("Remove-IotJob b -Force -Wait -Debug -Verbose 5>&1 4>&1");

        const string Waiting = "Waiting for 1 deletion(s) to complete";
        Assert.Contains(Waiting, debug.Objects<DebugRecord>().Select(d => d.Message));
        Assert.Empty(debug.Objects<VerboseRecord>());
        Assert.Contains(Waiting, both.Objects<VerboseRecord>().Select(v => v.Message));
        Assert.DoesNotContain(Waiting, both.Objects<DebugRecord>().Select(d => d.Message));
        Assert.Empty(debug.Prompts.Concat(both.Prompts));
    }

    [Fact]
    public async Task A_debug_preference_of_Inquire_shows_the_lines_and_asks_nothing()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", "CANCELED");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("$DebugPreference = 'Inquire'; Remove-IotJob j -Force");

        Assert.Empty(r.Prompts);
        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Contains("DEBUG: DeleteJob attempt 1: DELETE", r.HostText);
        Assert.Equal("DELETION_IN_PROGRESS", sim.Store.FindJob("j")!.Status);
    }
}
