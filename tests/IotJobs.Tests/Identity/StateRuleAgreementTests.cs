using IotJobs.Tests.Support;

namespace IotJobs.Tests.Identity;

/// <summary>
/// The module's prediction (the What-if line's warning, then the error's advice) must match what the
/// service answers, for every change, every status and with and without -Force. The simulator keeps its
/// rules apart from the module's table, so this catches either drifting.
/// </summary>
public sealed class StateRuleAgreementTests
{
    private static readonly string[] JobStatuses =
    [
        "IN_PROGRESS",
        "CANCELED",
        "COMPLETED",
        "DELETION_IN_PROGRESS",
        "SCHEDULED",
    ];
    private static readonly string[] ExecutionStatuses =
    [
        "QUEUED",
        "IN_PROGRESS",
        "SUCCEEDED",
        "FAILED",
        "TIMED_OUT",
        "REJECTED",
        "REMOVED",
        "CANCELED",
    ];

    [Fact]
    public async Task Every_change_status_and_force_is_predicted_as_the_service_answers()
    {
        await using var sim = await Sim.StartAsync(o => o.DeletionDuration = TimeSpan.FromHours(1));
        using var ps = PsSession.Start(sim);
        var cases = new List<(string Cmdlet, string Status, bool Force, string Id)>();
        foreach (var cmdlet in new[] { "Stop-IotJob", "Remove-IotJob" })
        foreach (var status in JobStatuses)
        foreach (var force in new[] { false, true })
        {
            string id = $"{cmdlet}-{status}-{force}".Replace("IotJob", "").ToLowerInvariant();
            sim.Store.AddJob(id, status);
            cases.Add((cmdlet, status, force, id));
        }
        foreach (var cmdlet in new[] { "Stop-IotJobExecution", "Remove-IotJobExecution" })
        foreach (var status in ExecutionStatuses)
        foreach (var force in new[] { false, true })
        {
            string id = $"{cmdlet}-{status}-{force}".Replace("IotJob", "").ToLowerInvariant();
            sim.Store.AddJob(id);
            var e = sim.Store.AddExecution(id, "thing", status);
            cases.Add(
                (cmdlet, status, force, $"{id} thing{(cmdlet.StartsWith("Remove") ? " " + e.ExecutionNumber : "")}")
            );
        }

        var disagreements = new List<string>();
        foreach (var (cmdlet, status, force, arguments) in cases)
        {
            string forceFlag = force ? " -Force" : "";
            int before = ps.Host.Text.Length;
            ps.Run($"{cmdlet} {arguments}{forceFlag} -WhatIf");
            string line = ps.Host.Text[before..].Split('\n').Single(l => l.StartsWith("What if:"));
            var r = ps.Run($"{cmdlet} {arguments}{forceFlag} -Confirm:$false");

            string predicted =
                line.EndsWith("; the service will refuse it without -Force.") ? "needs -Force"
                : line.Contains("it has already finished") ? "finished"
                : line.Contains("already being deleted") ? "being deleted"
                : "accepted";
            var error = r.Errors.SingleOrDefault();
            string answered =
                error == null ? "accepted"
                : error.FullyQualifiedErrorId.StartsWith("InvalidStateTransition")
                && error.ErrorDetails.RecommendedAction.StartsWith("Add -Force")
                    ? "needs -Force"
                : error.FullyQualifiedErrorId.StartsWith("InvalidStateTransition")
                && error.ErrorDetails.Message.Contains("already finished")
                && error.ErrorDetails.RecommendedAction == ""
                    ? "finished"
                : error.FullyQualifiedErrorId.StartsWith("InvalidStateTransition")
                && error.ErrorDetails.Message.Contains("already being deleted")
                && error.ErrorDetails.RecommendedAction == ""
                    ? "being deleted"
                : "other: " + error.ErrorDetails.Message;
            if (predicted != answered)
                disagreements.Add($"{cmdlet} {status}{forceFlag}: predicted {predicted} ({line}), service: {answered}");
            // Advice to add -Force is only given where -Force is not given and would succeed.
            if (answered == "needs -Force" && force)
                disagreements.Add($"{cmdlet} {status}{forceFlag}: told to add -Force although it was given");
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
        Assert.Equal(2 * 2 * (JobStatuses.Length + ExecutionStatuses.Length), cases.Count);
    }
}
