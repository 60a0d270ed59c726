using System.Management.Automation;
using IotJobs.Changes;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Connections;
using IotJobs.Items;
using IotJobs.Model;
using IotJobs.Rules;

namespace IotJobs.Tests.Changes;

/// <summary>
/// The per-item runner on its own: no engine, no pipeline, no HTTP. A recording host stands for the cmdlet and an
/// in-memory client for the service, so the flow (plan, order, outcome, summary, Ctrl+C account) is tested directly.
/// </summary>
public sealed class ChangeRunnerTests : IDisposable
{
    private readonly CancellationTokenSource cancellation = new();
    private readonly List<HeldClient> clients = [];

    public void Dispose()
    {
        cancellation.Cancel();
        foreach (var client in clients)
            client.Dispose();
    }

    private HeldClient Place(string region, params (string Id, string Status)[] jobs)
    {
        var client = new HeldClient(region);
        foreach (var (id, status) in jobs)
            client.Service.AddJob(id, status);
        clients.Add(client);
        return client;
    }

    /// <summary>
    /// A runner for a Stop-IotJob-like change, its connections serving each place's client by region.
    /// </summary>
    private ChangeRunner Runner(RecordingHost host, bool passThru = false)
    {
        var places = clients
            .Select(c => new ConnectionSettings(c.Location.Region, null, null, null, null, false, true, false, false))
            .ToList();
        var connections = new CommandConnections(
            places,
            (settings, _) => clients.Single(c => c.Location.Region == settings.Region),
            ownsClients: false
        );
        var declaration = new ChangeDeclaration(Change.CancelJob, (plan, ct) =>
            plan.Connection.Client.CancelJobAsync(new CancelJobRequest { JobId = plan.Target.JobId }, ct)
        )
        {
            PassThru = passThru,
            AllowServiceOwned = true,
        };
        return new ChangeRunner(declaration, host, connections, cancellation.Token);
    }

    /// <summary>A job as Get-IotJob writes it, found in <paramref name="client"/>'s region moments ago.</summary>
    private static ItemTarget Found(HeldClient client, string jobId, string status = "IN_PROGRESS") =>
        ItemTarget.Job(
            jobId,
            null,
            PipedItem.Of(
                new IotJob
                {
                    JobId = jobId,
                    Status = status,
                    Region = client.Location.Region,
                    EndpointUrl = client.Location.EndpointUrl,
                    ReadAt = DateTimeOffset.UtcNow,
                }
            )
        );

    private static string[] Canceled(HeldClient client) =>
        client.Service.Calls.Where(c => c.Key == "CancelJob").Select(c => ((CancelJobRequest)c.Value).JobId!).ToArray();

    [Fact]
    public void A_dry_run_describes_each_item_in_order_sends_nothing_and_speaks_in_the_conditional()
    {
        var place = Place("us-east-1", ("a", "IN_PROGRESS"), ("b", "COMPLETED"));
        var host = new RecordingHost(whatIf: true);
        var runner = Runner(host);

        runner.Act(Found(place, "a"));
        runner.Act(Found(place, "b", "COMPLETED"));
        runner.Finish();

        Assert.Equal(
            [
                "Stop job 'a' (IN_PROGRESS), canceling its queued executions; executions in progress keep running "
                    + "(-Force cancels them too)",
                "Stop job 'b' (COMPLETED); it has already finished (COMPLETED), so the service will refuse it",
            ],
            host.Described
        );
        Assert.Empty(place.Service.MutatingCallNames());
        Assert.Equal("2 jobs: 1 would be stopped, 1 already finished (COMPLETED).", host.Summaries.Single().ToString());
        Assert.All(host.Progress, p => Assert.DoesNotContain("Stopping", p.Activity));
    }

    [Fact]
    public void Results_are_written_in_input_order_whatever_order_the_service_answers_in()
    {
        var place = Place("us-east-1", ("a", "IN_PROGRESS"), ("b", "IN_PROGRESS"), ("c", "IN_PROGRESS"));
        place.Hold("a");
        var host = new RecordingHost();
        var runner = Runner(host, passThru: true);

        runner.Act(Found(place, "a"));
        runner.Act(Found(place, "b"));
        runner.Act(Found(place, "c"));
        place.Release("a");
        runner.Finish();

        Assert.Equal(["a", "b", "c"], host.Written.Cast<IotJob>().Select(j => j.JobId));
        Assert.Equal(["a", "b", "c"], Canceled(place));
        Assert.Equal("3 jobs: 3 stopped.", host.Summaries.Single().ToString());
    }

    [Fact]
    public void An_item_held_in_one_place_holds_back_no_item_of_another_place()
    {
        var slow = Place("us-east-1", ("s", "IN_PROGRESS"));
        var other = Place("eu-west-1", ("o1", "IN_PROGRESS"), ("o2", "IN_PROGRESS"));
        slow.Hold("s");
        var host = new RecordingHost();
        var runner = Runner(host);

        runner.Act(Found(slow, "s"));
        runner.Act(Found(other, "o1"));
        runner.Act(Found(other, "o2"));

        // Before the slow place answers, the other place's items have been sent (and, with one lane each, in order).
        Assert.True(SpinWait.SpinUntil(() => Canceled(other).Length == 2, TimeSpan.FromSeconds(10)));
        Assert.Equal(["o1", "o2"], Canceled(other));
        Assert.Empty(Canceled(slow));
        slow.Release("s");
        runner.Finish();
        Assert.Equal("3 jobs: 3 stopped.", host.Summaries.Single().ToString());
    }

    [Fact]
    public void At_Ctrl_C_every_unreported_item_is_named_done_unknown_or_not_sent()
    {
        var place = Place("us-east-1", ("a", "IN_PROGRESS"), ("b", "IN_PROGRESS"), ("c", "IN_PROGRESS"));
        place.Hold("a");
        var host = new RecordingHost();
        var runner = Runner(host);

        runner.Act(Found(place, "a"));
        runner.Act(Found(place, "b"));
        Assert.True(SpinWait.SpinUntil(() => place.Reached.ContainsKey("a"), TimeSpan.FromSeconds(10)));
        runner.Stop();

        // One lane, one item at a time: a is on its way, b waits its turn.
        Assert.Equal(
            "Stopped before these items were reported. Not sent (1): job 'b'; Unknown: sent, with no answer, so the "
                + "service may or may not have applied it (1): job 'a' (Get-IotJob -JobId 'a' -Region us-east-1). "
                + "Nothing after them was sent.",
            host.Console.Single()
        );
    }

    [Fact]
    public void A_read_back_that_fails_is_a_warning_and_the_change_counts_as_made()
    {
        var place = Place("us-east-1", ("a", "IN_PROGRESS"));
        place.DescribeFails = true;
        var host = new RecordingHost();
        var runner = Runner(host, passThru: true);

        runner.Act(Found(place, "a"));
        runner.Finish();

        Assert.Empty(host.Errors);
        Assert.Empty(host.Written);
        Assert.StartsWith("Stopped job 'a', but reading it back for -PassThru failed", host.Warnings.Single());
        Assert.Equal("1 job: 1 stopped.", host.Summaries.Single().ToString());
    }

    [Fact]
    public void An_execution_given_to_a_job_change_is_refused_in_its_turn_and_nothing_is_sent()
    {
        var place = Place("us-east-1", ("a", "IN_PROGRESS"));
        var host = new RecordingHost();
        var runner = Runner(host);
        var execution = new IotJobExecution
        {
            JobId = "a",
            ThingName = "t",
            Region = "us-east-1",
            EndpointUrl = place.Location.EndpointUrl,
        };

        runner.Act(ItemTarget.Job("a", null, PipedItem.Of(execution)));
        runner.Finish();

        Assert.StartsWith("ExecutionNotJob", host.Errors.Single().FullyQualifiedErrorId);
        Assert.Same(execution, host.Errors.Single().TargetObject);
        Assert.Empty(place.Service.MutatingCallNames());
    }

    [Fact]
    public void No_to_All_skips_the_rest_without_reading_or_refusing_it()
    {
        var place = Place("us-east-1", ("a", "IN_PROGRESS"), ("b", "IN_PROGRESS"));
        var host = new RecordingHost(whatIf: false, false) { Prompting = true };
        var runner = Runner(host);

        runner.Act(Found(place, "a"));
        runner.Act(Found(place, "b"));
        runner.Finish();

        Assert.Single(host.Described);
        Assert.Empty(host.Errors);
        Assert.Empty(place.Service.MutatingCallNames());
        Assert.Equal("2 jobs: 0 stopped, 2 skipped.", host.Summaries.Single().ToString());
    }
}
