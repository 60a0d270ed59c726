using System.Diagnostics;
using System.Management.Automation;
using IotJobs.Simulator.Http;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Resilience;

/// <summary>
/// One test per kind of failure, with the exact number of attempts the simulator saw (or, where nothing
/// could answer, that -Verbose reports): what ResiliencePolicy says happens, happens.
/// </summary>
public sealed class FailureKindTests
{
    private static int Count(IotJobs.Simulator.IotJobsSimulator sim, string operation) =>
        sim.Requests.Count(q => q.Operation == operation);

    [Fact]
    public async Task Throttling_is_waited_out_and_the_item_does_not_fail()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", "CANCELED");
        // The cmdlet's part: a throttled change is retried, not the item's error. That the client waits out
        // throttling for longer than the 3 attempts a transient fault gets, paced and backed off, is proven on a
        // fake clock (Timing.ClientOnFakeClockTests), where its seconds of waits take none.
        sim.Faults.Add(new FaultRule(FaultKind.Throttle) { Operation = "DeleteJob", Times = 1 });
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Remove-IotJob j -Confirm:$false");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal(2, Count(sim, "DeleteJob"));
        Assert.Equal("DELETION_IN_PROGRESS", sim.Store.FindJob("j")!.Status);
    }

    [Fact]
    public async Task A_503_gets_three_attempts_then_that_item_fails_and_the_next_goes_on()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("a");
        sim.Store.AddJob("b");
        sim.Faults.Add(new FaultRule(FaultKind.ServiceUnavailable) { Operation = "CancelJob", Times = 3 });
        using var ps = PsSession.Start(sim);

        var r = ps.Run("'a','b' | Stop-IotJob");

        var error = Assert.Single(r.Errors);
        Assert.Equal("ServiceUnavailable,IotJobs.Cmdlets.StopIotJobCommand", error.FullyQualifiedErrorId);
        Assert.Contains("3 attempts in a row", error.ErrorDetails.Message);
        Assert.Equal(
            ["/jobs/a/cancel", "/jobs/a/cancel", "/jobs/a/cancel", "/jobs/b/cancel"],
            sim.Requests.Where(q => q.Operation == "CancelJob").Select(q => q.RawPath)
        );
        Assert.Equal("CANCELED", sim.Store.FindJob("b")!.Status);
    }

    [Fact]
    public async Task A_connection_dropped_on_every_attempt_of_a_read_fails_after_three()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Faults.Add(new FaultRule(FaultKind.ConnectionReset) { Operation = "DescribeJob" });
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob j");

        var error = Assert.Single(r.Errors);
        Assert.Equal("RequestFailed,IotJobs.Cmdlets.GetIotJobCommand", error.FullyQualifiedErrorId);
        Assert.StartsWith(
            "Cannot get job 'j': the connection to the service failed, 3 attempts in a row",
            error.ErrorDetails.Message
        );
        Assert.Equal(3, Count(sim, "DescribeJob"));
    }

    [Fact]
    public async Task A_status_the_module_has_no_word_for_says_everything_the_service_said()
    {
        await using var sim = await Sim.StartAsync();
        sim.Faults.Add(
            new FaultRule(FaultKind.Error)
            {
                Operation = "DeleteJob",
                Status = 500,
                Message = "Internal failure while deleting",
            }
        );
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Remove-IotJob missing -Confirm:$false");

        var error = Assert.Single(r.Errors);
        Assert.Equal("ServiceError,IotJobs.Cmdlets.RemoveIotJobCommand", error.FullyQualifiedErrorId);
        Assert.Matches(
            @"^Cannot remove job 'missing': the service answered 500 \(no error code\): "
                + @"Internal failure while deleting, 3 attempts in a row\. \(request id [0-9a-f-]{36}\)$",
            error.ErrorDetails.Message
        );
        Assert.Equal(3, Count(sim, "DeleteJob"));
    }

    [Fact]
    public async Task Deletions_started_elsewhere_holding_the_places_are_waited_for_not_failed()
    {
        // Long enough that the places are still taken when the command, started after them, sends its DeleteJob.
        await using var sim = await Sim.StartAsync(o => o.DeletionDuration = TimeSpan.FromSeconds(3));
        for (int i = 0; i < 10; i++)
            sim.Store.AddJob($"other-{i}", "CANCELED");
        sim.Store.AddJob("mine", "CANCELED");
        using (var elsewhere = Sim.Client(sim))
            for (int i = 0; i < 10; i++)
                await elsewhere.DeleteJobAsync(new IotJobs.Client.Model.DeleteJobRequest { JobId = $"other-{i}" });
        sim.ClearRequests();
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Remove-IotJob mine -Confirm:$false -Verbose");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal([410, 200], sim.Requests.Where(q => q.Operation == "DeleteJob").Select(q => q.Status));
        Assert.Contains(sim.Requests, q =>
            q.Operation == "ListJobs" && q.QueryValue("status") == "DELETION_IN_PROGRESS"
        );
        Assert.Contains(
            "VERBOSE: The service's 10 deletion places are taken by deletions started elsewhere: "
                + "job 'mine' waits for one.",
            r.HostText
        );
    }

    [Fact]
    public async Task The_deletion_quota_worded_as_throttling_is_waited_for_as_the_limit()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", "CANCELED");
        sim.Faults.Add(Sim.DeletionQuotaWordedAsThrottling());
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Remove-IotJob j -Confirm:$false");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal([400, 200], sim.Requests.Where(q => q.Operation == "DeleteJob").Select(q => q.Status));
        Assert.Contains(sim.Requests, q => q.Operation == "ListJobs");
    }

    [Fact]
    public async Task CancelJob_at_the_accounts_concurrency_limit_waits_with_backoff_and_says_so()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Faults.Add(
            new FaultRule(FaultKind.Error)
            {
                Operation = "CancelJob",
                Times = 2,
                Status = 410,
                ErrorType = "LimitExceededException",
                Message = "Too many jobs being canceled",
            }
        );
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Stop-IotJob j -Verbose");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal([410, 410, 200], sim.Requests.Where(q => q.Operation == "CancelJob").Select(q => q.Status));
        Assert.Contains(
            "The account's limit of jobs being canceled at once is reached: CancelJob waits 1 s before trying again.",
            r.HostText
        );
        Assert.Contains("CancelJob waits 2 s", r.HostText);
        Assert.Contains(ps.Host.Progress, p => p.CurrentOperation?.Contains("limit of jobs being canceled") == true);
    }

    [Fact]
    public async Task Rejected_credentials_end_the_command_at_the_first_request()
    {
        await using var sim = await Sim.StartAsync(o => o.Credentials.Clear());
        using var ps = PsSession.Start(sim);

        var r = ps.Run("'a','b','c' | Remove-IotJob -Force");

        Assert.Equal(
            "AuthenticationFailed,IotJobs.Cmdlets.RemoveIotJobCommand",
            Assert.Single(r.Errors).FullyQualifiedErrorId
        );
        Assert.Single(sim.Requests);
    }

    private static string ClosedEndpoint()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    [Fact]
    public void Connection_refused_ends_the_command_once_after_one_attempt_and_names_the_endpoint()
    {
        string endpoint = ClosedEndpoint();
        using var ps = PsSession.Start(null);
        var clock = Stopwatch.StartNew();

        var r = ps.Run($"'a','b','c' | Remove-IotJob -Force -EndpointUrl {endpoint} -Region eu-west-1 -Verbose");

        clock.Stop();
        var error = Assert.Single(r.Errors);
        Assert.Equal("Unreachable,IotJobs.Cmdlets.RemoveIotJobCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.StartsWith(
            $"Cannot remove job 'a': nothing answers at {endpoint} (region eu-west-1): ",
            error.ErrorDetails.Message
        );
        Assert.StartsWith("Check -EndpointUrl (or AWS_ENDPOINT_URL_IOT)", error.ErrorDetails.RecommendedAction);
        // One attempt in all: the first request (the command's ownership lookup) ends the command.
        Assert.StartsWith("VERBOSE: GET ", Assert.Single(r.HostText.Split('\n'), IsRequestLine));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_TLS_failure_ends_the_command_once_and_says_what_to_check()
    {
        await using var sim = await Sim.StartAsync();
        using var ps = PsSession.Start(null);
        string https = "https://" + sim.Endpoint.Authority;

        var r = ps.Run($"Get-IotJob -EndpointUrl {https} -Region us-east-1");

        var error = Assert.Single(r.Errors);
        Assert.Equal("TlsFailed,IotJobs.Cmdlets.GetIotJobCommand", error.FullyQualifiedErrorId);
        Assert.StartsWith(
            $"Cannot list jobs: the TLS connection to {https} (region us-east-1) failed",
            error.ErrorDetails.Message
        );
        Assert.Contains("certificate", error.ErrorDetails.RecommendedAction);
        Assert.Empty(sim.Requests);
    }

    [Fact]
    public void An_unknown_region_ends_the_command_once_naming_the_URL_and_the_region()
    {
        using var ps = PsSession.Start(null);

        var r = ps.Run("'a','b' | Stop-IotJob -Region mars-north-1 -Verbose");

        var error = Assert.Single(r.Errors);
        Assert.Equal("Unreachable,IotJobs.Cmdlets.StopIotJobCommand", error.FullyQualifiedErrorId);
        Assert.StartsWith(
            "Cannot stop job 'a': nothing answers at https://iot.mars-north-1.amazonaws.com (region mars-north-1): ",
            error.ErrorDetails.Message
        );
        Assert.StartsWith(
            "Check that 'mars-north-1' is an AWS region where AWS IoT is offered",
            error.ErrorDetails.RecommendedAction
        );
        // One attempt in all: the first request (the command's ownership lookup) ends the command.
        Assert.StartsWith("VERBOSE: GET ", Assert.Single(r.HostText.Split('\n'), IsRequestLine));
    }

    [Fact]
    public void No_region_anywhere_is_one_error_that_names_where_a_region_is_looked_for_and_how_to_set_one()
    {
        var lines = IotJobs.Tests.Module.IsolationTests.Probe(
            "run",
            "Get-IotJob; 'after'",
            new Dictionary<string, string?>
            {
                ["AWS_REGION"] = null,
                ["AWS_DEFAULT_REGION"] = null,
                ["AWS_PROFILE"] = null,
                ["AWS_ACCESS_KEY_ID"] = IotJobs.Simulator.SimulatorOptions.DefaultAccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = "x",
            }
        );

        var error = Assert.Single(lines, l => l.StartsWith("error "));
        Assert.StartsWith(
            "error NoRegion,IotJobs.Cmdlets.GetIotJobCommand: No AWS region was found. Looked in, in order: "
                + "-Region (not given); $StoredAWSRegion of AWS.Tools (not set); "
                + "AWS_REGION and AWS_DEFAULT_REGION (not set)",
            error
        );
        Assert.Contains(
            "recommendation Pass -Region (for example -Region eu-west-1), set AWS_REGION, run Set-DefaultAWSRegion",
            string.Join("\n", lines)
        );
    }

    [Fact]
    public async Task Each_piece_of_advice_is_said_once_as_the_recommendation_not_again_in_the_message()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("run");
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            "Remove-IotJob run -Confirm:$false; Remove-IotJob missing -Confirm:$false; Get-IotJob -EndpointUrl "
                + ClosedEndpoint()
        );

        Assert.Equal(3, r.Errors.Count);
        foreach (var error in r.Errors)
        {
            Assert.False(string.IsNullOrEmpty(error.ErrorDetails.RecommendedAction), error.FullyQualifiedErrorId);
            Assert.DoesNotContain(error.ErrorDetails.RecommendedAction, error.ErrorDetails.Message);
        }
    }

    private static bool IsRequestLine(string line) =>
        System.Text.RegularExpressions.Regex.IsMatch(line, "^VERBOSE: (GET|PUT|POST|DELETE) ");
}
