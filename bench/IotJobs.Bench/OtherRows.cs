using IotJobs.Client.Model;
using IotJobs.Hosting;

namespace IotJobs.Bench;

/// <summary>
/// Rows (e), (h), (i), (b), (c) and (d): dry runs, unattended removal, failing fast, stopping executions,
/// streaming and importing.
/// </summary>
internal static class OtherRows
{
    public static async Task<List<string[]>> Measure(
        Func<string, bool> wanted,
        bool quick,
        int jobCount,
        int executionCount,
        int streamCount
    )
    {
        var rows = new List<string[]>();
        if (wanted("e"))
            rows.Add(await DryRun(quick ? 300 : 1000));
        if (wanted("h"))
            rows.Add(await Unattended(jobCount));
        if (wanted("i"))
            rows.AddRange(FailingFast());
        if (wanted("b"))
            rows.Add(await StopExecutions(executionCount));
        if (wanted("c"))
            rows.Add(await Streaming(streamCount));
        if (wanted("d"))
            rows.Add(Import());
        return rows;
    }

    // (e) A dry run over listed jobs costs what the listing costs.
    private static async Task<string[]> DryRun(int n)
    {
        await using var sim = await ServiceLike.Start(s => ServiceLike.SeedJobs(s, n));
        // Each run in a session of its own, as a user's separate commands would be.
        using (var warm = new ModuleSession(sim.Endpoint))
            warm.Run("Get-IotJob -Status CANCELED | Out-Null"); // warm: both runs below find the SDK loaded
        await Task.Delay(1000); // and the rate limit's bucket full again
        sim.ClearRequests();
        using var listingSession = new ModuleSession(sim.Endpoint);
        var (listing, _, _) = listingSession.Time("Get-IotJob -Status CANCELED | Out-Null");
        int listingRequests = sim.Requests.Count;
        await Task.Delay(1000);
        sim.ClearRequests();
        using var dryRunSession = new ModuleSession(sim.Endpoint);
        var (dryRun, errors, _) = dryRunSession.Time("Get-IotJob -Status CANCELED | Remove-IotJob -WhatIf");
        Table.Check(sim.Requests.All(q => q.Method == "GET"), "(e) the dry run changed something");
        // Beyond the listing, one request per command: the jobs of Greengrass deployments, to tell which listed jobs
        // another service owns.
        return
        [
            $"(e) -WhatIf over {n} listed jobs",
            $"{dryRun:0.00} s, {sim.Requests.Count} requests, {errors} errors",
            $"{listing:0.00} s listing, {listingRequests} requests",
            "",
            $"{dryRun / listing:0.00}x of listing",
            "<= 1.5x",
            Table.Met(dryRun / listing <= 1.5 && sim.Requests.Count <= listingRequests + 1),
        ];
    }

    // (h) Unattended removal reads nothing first: one DeleteJob per job, no DescribeJob.
    private static async Task<string[]> Unattended(int n)
    {
        await using var sim = await ServiceLike.Start(s => ServiceLike.SeedJobs(s, n));
        using var session = new ModuleSession(sim.Endpoint);
        var (seconds, errors, _) = session.Time("Get-IotJob -Status CANCELED | Remove-IotJob -Confirm:$false");
        int deletes = sim.Requests.Count(q => q.Operation == "DeleteJob"),
            describes = sim.Requests.Count(q => q.Operation == "DescribeJob");
        return
        [
            $"(h) -Confirm:$false removal of {n} jobs",
            $"{deletes} DeleteJob, {describes} DescribeJob, {errors} failed",
            "",
            $"{n} DeleteJob",
            $"{seconds:0.0} s",
            $"{n} DeleteJob, 0 DescribeJob",
            Table.Met(deletes == n && describes == 0 && errors == 0),
        ];
    }

    // (i) Failing fast where nothing answers: the module vs the AWS CLI, the same calls, in this run.
    private static IEnumerable<string[]> FailingFast()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var cases = new[]
        {
            (
                "unreachable endpoint",
                $"Get-IotJob -EndpointUrl http://127.0.0.1:{port} -Region us-east-1",
                $"iot list-jobs --endpoint-url http://127.0.0.1:{port} --region us-east-1"
            ),
            ("unknown region", "Get-IotJob -Region mars-north-1", "iot list-jobs --region mars-north-1"),
        };
        foreach (var (what, module, cli) in cases)
        {
            using var session = new ModuleSession();
            var (seconds, errors, _) = session.Time(module);
            double? cliSeconds = Baselines.TimeCli(cli);
            yield return
            [
                $"(i) fail on an {what}",
                $"{seconds:0.00} s, {errors} error",
                cliSeconds is double c ? $"{c:0.00} s AWS CLI" : "AWS CLI not on PATH",
                "",
                cliSeconds is double d ? $"{seconds / d:0.00}x of CLI" : "",
                "<= the CLI's",
                Table.Met(errors == 1 && (cliSeconds == null || seconds <= cliSeconds)),
            ];
        }
    }

    // (b) Stopping executions: the module vs a one-at-a-time loop vs the rate limit n / 10 per s.
    private static async Task<string[]> StopExecutions(int n)
    {
        await using var sim = await ServiceLike.Start(s => ServiceLike.SeedExecutions(s, "rollout", n));
        using var session = new ModuleSession(sim.Endpoint);
        var (seconds, errors, _) = session.Time("Get-IotJobExecution -JobId rollout | Stop-IotJobExecution");
        Table.Check(
            sim.Store.FindJob("rollout")!.ExecutionList.All(e => e.Status == "CANCELED"),
            "(b) module left executions uncanceled"
        );

        await using var simBase = await ServiceLike.Start(s => ServiceLike.SeedExecutions(s, "rollout", n));
        var things = Enumerable.Range(0, n).Select(i => $"thing-{i:D6}").ToList();
        var (baseSeconds, baseFailed) = await Baselines.OneAtATime(simBase, things, (c, t) =>
            c.CancelJobExecutionAsync(new CancelJobExecutionRequest { JobId = "rollout", ThingName = t })
        );
        double limit = n / 10.0;
        return
        [
            $"(b) stop {n} executions",
            $"{seconds:0.0} s, {errors} failed",
            $"{baseSeconds:0.0} s, {baseFailed} failed",
            $"{limit:0.0} s",
            $"{seconds / limit:0.00}x",
            "<= 1.2x, 0 failed",
            Table.Met(seconds / limit <= 1.2 && errors == 0),
        ];
    }

    // (c) Streaming executions: peak managed memory growth, streamed vs collected into a variable.
    private static async Task<string[]> Streaming(int n)
    {
        await using var sim = await ServiceLike.Start(s => ServiceLike.SeedExecutions(s, "big", n), rateLimited: false);
        // Each in a session of its own, made and dropped within the measure, as the rows have always been measured.
        void Run(string script)
        {
            using var session = new ModuleSession(sim.Endpoint);
            session.Run(script);
        }
        var streamed = Measures.PeakGrowth(() =>
            Run(
                "$n = 0; Get-IotJobExecution -JobId big | ForEach-Object { $n++ }; if ($n -ne "
                    + n
                    + ") { throw 'short' }"
            )
        );
        var collected = Measures.PeakGrowth(() =>
            Run("$all = Get-IotJobExecution -JobId big; if ($all.Count -ne " + n + ") { throw 'short' }")
        );
        return
        [
            $"(c) stream {n:N0} executions",
            $"{streamed / 1e6:0.0} MB peak growth",
            $"{collected / 1e6:0.0} MB collected in $all",
            "",
            $"{streamed / (double)collected:0.00}x of collected",
            "< 50 MB",
            Table.Met(streamed < 50e6),
        ];
    }

    // (d) Import-Module of the built module in a fresh process vs a trivial binary module, median of 5.
    private static string[] Import()
    {
        var trivial = Directory
            .GetFiles(
                Path.Combine(BuiltModule.RepositoryRoot, "bench", "TrivialModule", "bin"),
                "TrivialModule.dll",
                SearchOption.AllDirectories
            )
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .First();
        double iotJobs = Measures.MedianImport(BuiltModule.Manifest),
            baseline = Measures.MedianImport(trivial);
        return
        [
            "(d) Import-Module",
            $"{iotJobs:0} ms",
            $"{baseline:0} ms trivial module",
            "",
            $"{iotJobs / baseline:0.00}x of trivial",
            "<= 300 ms",
            Table.Met(iotJobs <= 300),
        ];
    }
}
