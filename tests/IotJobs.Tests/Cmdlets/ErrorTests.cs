using System.Management.Automation;
using IotJobs.Model;
using IotJobs.Simulator.Http;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Cmdlets;

/// <summary>Errors are per item: stable id, right category, the item as target, a message to act on.</summary>
public sealed class ErrorTests
{
    [Fact]
    public async Task Missing_job_is_ObjectNotFound_for_that_item_and_the_next_item_is_still_processed()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("b", "CANCELED");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("'missing','b' | Remove-IotJob -Force");

        var error = Assert.Single(r.Errors);
        Assert.Equal("NotFound,IotJobs.Cmdlets.RemoveIotJobCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("missing", Assert.IsType<IotJob>(error.TargetObject).JobId);
        Assert.StartsWith("Cannot remove job 'missing': it does not exist.", error.ErrorDetails.Message);
        Assert.IsType<IotJobs.Client.ResourceNotFoundException>(error.Exception);
        Assert.Equal("DELETION_IN_PROGRESS", sim.Store.FindJob("b")!.Status);
    }

    [Fact]
    public async Task In_progress_item_without_Force_says_to_add_Force()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "t", "IN_PROGRESS");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Stop-IotJobExecution -JobId j -ThingName t");

        var error = Assert.Single(r.Errors);
        Assert.Equal("InvalidStateTransition,IotJobs.Cmdlets.StopIotJobExecutionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Equal(
            "Cannot stop the execution of job 'j' on thing 't': it is IN_PROGRESS; "
                + "only a QUEUED execution is stopped without -Force.",
            error.ErrorDetails.Message[..error.ErrorDetails.Message.IndexOf(" (request id", StringComparison.Ordinal)]
        );
        // The advice is said once, as the recommendation PowerShell shows under the message.
        Assert.Equal(
            "Add -Force to stop it even though it is in progress; the device may be left mid-update.",
            error.ErrorDetails.RecommendedAction
        );
        Assert.Equal("IN_PROGRESS", sim.Store.FindExecution("j", "t")!.Status);
    }

    [Fact]
    public async Task ErrorAction_Stop_makes_the_error_terminating_and_stops_the_batch()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("b", "CANCELED");
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            "try { 'missing','b' | Remove-IotJob -Force -ErrorAction Stop; "
                + "'not reached' } catch [IotJobs.Client.ResourceNotFoundException] { 'caught ' + "
                + "$_.FullyQualifiedErrorId }"
        );

        Assert.Equal(["caught NotFound,IotJobs.Cmdlets.RemoveIotJobCommand"], r.Output.Select(o => o.BaseObject));
        Assert.Equal("CANCELED", sim.Store.FindJob("b")!.Status);
    }

    [Fact]
    public async Task Dollar_question_is_false_after_an_item_error()
    {
        await using var sim = await Sim.StartAsync();
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Remove-IotJob missing -Force -ErrorAction SilentlyContinue; $?");

        Assert.Equal(false, Assert.Single(r.Output).BaseObject);
    }

    [Fact]
    public async Task Version_conflict_names_the_expected_and_the_current_version()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "t", "QUEUED", versionNumber: 7);
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Stop-IotJobExecution -JobId j -ThingName t -ExpectedVersion 5");

        var error = Assert.Single(r.Errors);
        Assert.Equal("VersionConflict,IotJobs.Cmdlets.StopIotJobExecutionCommand", error.FullyQualifiedErrorId);
        Assert.StartsWith(
            "Cannot stop the execution of job 'j' on thing 't': it is at version 7, not the expected version 5.",
            error.ErrorDetails.Message
        );
        Assert.Equal("QUEUED", sim.Store.FindExecution("j", "t")!.Status);
    }

    [Fact]
    public async Task A_described_execution_carries_its_version_into_Stop_so_a_moved_on_device_is_not_overridden()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "t", "QUEUED", versionNumber: 3);
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJobExecution -JobId j -ThingName t | Stop-IotJobExecution");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal("""{"expectedVersion":3}""", sim.Requests.Single(q => q.Method == "PUT").Body);
    }

    [Fact]
    public async Task Rejected_credentials_stop_the_command_once_instead_of_failing_every_item()
    {
        await using var sim = await Sim.StartAsync(o => o.Credentials.Clear());
        using var ps = PsSession.Start(sim);

        var r = ps.Run("'a','b','c' | Stop-IotJob");

        var error = Assert.Single(r.Errors);
        Assert.Equal("AuthenticationFailed,IotJobs.Cmdlets.StopIotJobCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.True(sim.Requests.Count == 1, string.Join("\n", sim.Requests));
    }

    [Fact]
    public async Task Get_of_a_missing_job_is_ObjectNotFound_with_the_id_as_target()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("there");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob -JobId missing, there");

        Assert.Equal(["there"], r.Objects<IotJob>().Select(j => j.JobId));
        var error = Assert.Single(r.Errors);
        Assert.Equal("NotFound,IotJobs.Cmdlets.GetIotJobCommand", error.FullyQualifiedErrorId);
        Assert.Equal("missing", error.TargetObject);
    }
}
