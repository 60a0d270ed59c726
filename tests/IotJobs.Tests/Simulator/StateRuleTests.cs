using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Simulator;

/// <summary>Which states cancel and delete accept, with and without force, as the API documentation states.</summary>
public sealed class StateRuleTests
{
    [Theory]
    [InlineData("COMPLETED", false, true)]
    [InlineData("CANCELED", false, true)]
    [InlineData("IN_PROGRESS", false, false)]
    [InlineData("IN_PROGRESS", true, true)]
    [InlineData("SCHEDULED", false, false)]
    [InlineData("SCHEDULED", true, true)]
    public async Task DeleteJob_accepts_terminal_jobs_and_others_only_with_force(
        string status,
        bool force,
        bool accepted
    )
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", status);
        using var client = Sim.Client(sim);

        var call = client.DeleteJobAsync(new DeleteJobRequest { JobId = "j", Force = force ? true : null });

        if (accepted)
            await call;
        else
            await Assert.ThrowsAsync<InvalidStateTransitionException>(() => call);
        Assert.Equal(accepted ? "DELETION_IN_PROGRESS" : status, sim.Store.FindJob("j")!.Status);
    }

    [Theory]
    [InlineData("IN_PROGRESS", false, true)]
    [InlineData("SCHEDULED", false, true)]
    [InlineData("COMPLETED", false, false)]
    [InlineData("COMPLETED", true, false)]
    [InlineData("CANCELED", false, false)]
    [InlineData("CANCELED", true, true)]
    public async Task CancelJob_state_rules(string status, bool force, bool accepted)
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", status);
        using var client = Sim.Client(sim);

        var call = client.CancelJobAsync(new CancelJobRequest { JobId = "j", Force = force ? true : null });

        if (accepted)
            await call;
        else
            await Assert.ThrowsAsync<InvalidStateTransitionException>(() => call);
        Assert.Equal(accepted ? "CANCELED" : status, sim.Store.FindJob("j")!.Status);
    }

    [Fact]
    public async Task CancelJob_cancels_queued_executions_and_in_progress_ones_only_with_force()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "queued", "QUEUED");
        sim.Store.AddExecution("j", "running", "IN_PROGRESS");
        sim.Store.AddExecution("j", "done", "SUCCEEDED");
        using var client = Sim.Client(sim);

        await client.CancelJobAsync(
            new CancelJobRequest
            {
                JobId = "j",
                ReasonCode = "ROLLBACK",
                Comment = "bad build",
            }
        );
        Assert.Equal("CANCELED", sim.Store.FindExecution("j", "queued")!.Status);
        Assert.Equal("IN_PROGRESS", sim.Store.FindExecution("j", "running")!.Status);
        Assert.Equal("ROLLBACK", sim.Store.FindJob("j")!.ReasonCode);
        Assert.False(sim.Store.FindJob("j")!.ForceCanceled);

        await client.CancelJobAsync(new CancelJobRequest { JobId = "j", Force = true });
        Assert.Equal("CANCELED", sim.Store.FindExecution("j", "running")!.Status);
        Assert.Equal("SUCCEEDED", sim.Store.FindExecution("j", "done")!.Status);
        Assert.True(sim.Store.FindJob("j")!.ForceCanceled);
    }

    [Theory]
    [InlineData("QUEUED", false, true)]
    [InlineData("IN_PROGRESS", false, false)]
    [InlineData("IN_PROGRESS", true, true)]
    [InlineData("SUCCEEDED", true, false)]
    [InlineData("CANCELED", false, false)]
    public async Task CancelJobExecution_state_rules(string status, bool force, bool accepted)
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", "CANCELED");
        sim.Store.AddExecution("j", "t", status, versionNumber: 2);
        using var client = Sim.Client(sim);

        var call = client.CancelJobExecutionAsync(
            new CancelJobExecutionRequest
            {
                JobId = "j",
                ThingName = "t",
                Force = force ? true : null,
            }
        );

        if (accepted)
            await call;
        else
            await Assert.ThrowsAsync<InvalidStateTransitionException>(() => call);
        var e = sim.Store.FindExecution("j", "t")!;
        Assert.Equal(accepted ? "CANCELED" : status, e.Status);
        Assert.Equal(accepted ? 3 : 2, e.VersionNumber);
    }

    [Fact]
    public async Task CancelJobExecution_with_a_stale_expected_version_changes_nothing()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "t", "QUEUED", versionNumber: 5);
        using var client = Sim.Client(sim);

        var e = await Assert.ThrowsAsync<VersionConflictException>(() =>
            client.CancelJobExecutionAsync(
                new CancelJobExecutionRequest
                {
                    JobId = "j",
                    ThingName = "t",
                    ExpectedVersion = 4,
                }
            )
        );
        Assert.Contains("5", e.Message);
        Assert.Equal("QUEUED", sim.Store.FindExecution("j", "t")!.Status);

        await client.CancelJobExecutionAsync(
            new CancelJobExecutionRequest
            {
                JobId = "j",
                ThingName = "t",
                ExpectedVersion = 5,
            }
        );
        Assert.Equal("CANCELED", sim.Store.FindExecution("j", "t")!.Status);
    }

    [Fact]
    public async Task More_than_ten_status_details_are_refused()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "t", "QUEUED");
        using var client = Sim.Client(sim);
        var eleven = Enumerable.Range(1, 11).ToDictionary(i => $"k{i}", i => $"v{i}");

        await Assert.ThrowsAsync<InvalidRequestException>(() =>
            client.CancelJobExecutionAsync(
                new CancelJobExecutionRequest
                {
                    JobId = "j",
                    ThingName = "t",
                    StatusDetails = eleven,
                }
            )
        );
        Assert.Equal("QUEUED", sim.Store.FindExecution("j", "t")!.Status);

        eleven.Remove("k11");
        await client.CancelJobExecutionAsync(
            new CancelJobExecutionRequest
            {
                JobId = "j",
                ThingName = "t",
                StatusDetails = eleven,
            }
        );
        Assert.Equal(10, sim.Store.FindExecution("j", "t")!.StatusDetails.Count);
    }

    [Fact]
    public async Task Cancelling_the_last_open_execution_completes_a_snapshot_job()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", targetSelection: "SNAPSHOT");
        sim.Store.AddExecution("j", "a", "SUCCEEDED");
        sim.Store.AddExecution("j", "b", "QUEUED");
        using var client = Sim.Client(sim);

        await client.CancelJobExecutionAsync(new CancelJobExecutionRequest { JobId = "j", ThingName = "b" });

        Assert.Equal("COMPLETED", sim.Store.FindJob("j")!.Status);
    }

    [Theory]
    [InlineData("SUCCEEDED", false, true)]
    [InlineData("TIMED_OUT", false, true)]
    [InlineData("CANCELED", false, true)]
    [InlineData("QUEUED", false, false)]
    [InlineData("IN_PROGRESS", false, false)]
    [InlineData("IN_PROGRESS", true, true)]
    public async Task DeleteJobExecution_accepts_terminal_executions_and_others_only_with_force(
        string status,
        bool force,
        bool accepted
    )
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        var e = sim.Store.AddExecution("j", "t", status);
        using var client = Sim.Client(sim);

        var call = client.DeleteJobExecutionAsync(
            new DeleteJobExecutionRequest
            {
                JobId = "j",
                ThingName = "t",
                ExecutionNumber = e.ExecutionNumber,
                Force = force ? true : null,
            }
        );

        if (accepted)
            await call;
        else
            await Assert.ThrowsAsync<InvalidStateTransitionException>(() => call);
        Assert.Equal(accepted, sim.Store.FindExecution("j", "t") is null);
    }

    [Fact]
    public async Task DeleteJobExecution_with_another_execution_number_is_not_found()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        var e = sim.Store.AddExecution("j", "t", "SUCCEEDED");
        using var client = Sim.Client(sim);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            client.DeleteJobExecutionAsync(
                new DeleteJobExecutionRequest
                {
                    JobId = "j",
                    ThingName = "t",
                    ExecutionNumber = e.ExecutionNumber + 1,
                }
            )
        );
        Assert.NotNull(sim.Store.FindExecution("j", "t"));
    }
}
