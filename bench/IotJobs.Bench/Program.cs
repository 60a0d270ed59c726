using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Hosting;
using IotJobs.Simulator;

// dotnet run -c Release --project bench/IotJobs.Bench [-- --quick] [-- --only a,e,f]
// Child mode, used for (d): --import PATH prints the milliseconds Import-Module PATH took in a fresh process.
if (args.Length == 2 && args[0] == "--import")
    return MeasureImport(args[1]);

bool quick = args.Contains("--quick");
int only = Array.IndexOf(args, "--only");
var rowsWanted = only >= 0 && only + 1 < args.Length ? args[only + 1].Split(',').ToHashSet() : null;
bool Wanted(string row) => rowsWanted == null || rowsWanted.Contains(row);
int jobCount = quick ? 40 : 200,
    executionCount = quick ? 200 : 1000,
    streamCount = quick ? 10_000 : 100_000;
var root = BuiltModule.RepositoryRoot;
var manifest = BuiltModule.Manifest;
Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", SimulatorOptions.DefaultAccessKeyId);
Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SimulatorOptions.DefaultSecretAccessKey);
Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");

Console.WriteLine(
    $"IotJobs benchmark{(quick ? " (quick)" : "")}: simulator like the service: deletions take 2 s, "
        + "at most 10 in progress, 10 requests/s per operation, 30 ms latency."
);
Console.WriteLine(
    $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}."
);
var rows = new List<string[]>();

// Warm up once: every row then measures the work, not the process loading the SDK and compiling the module.
{
    await using var warm = await StartLikeTheService(s => SeedJobs(s, 3));
    RunModule(warm, "Get-IotJob | Remove-IotJob -Force -Wait; Get-IotJob");
}

// (a, f) Removing jobs with 2 s deletions: the module vs a one-at-a-time loop vs the physical limit ceil(n/10) x 2 s,
// and the ListJobs the module sent to watch its deletions.
if (Wanted("a") || Wanted("f"))
{
    await using var simBase = await StartLikeTheService(s => SeedJobs(s, jobCount));
    var (baseSeconds, baseFailed) = await OneAtATime(simBase, JobIds(jobCount), (c, id) =>
        c.DeleteJobAsync(new DeleteJobRequest { JobId = id })
    );
    rows.Add(
        await DeletionRow(
            $"(a,f) remove {jobCount} jobs, 2 s deletions",
            jobCount,
            2,
            "",
            $"{baseSeconds:0.0} s, {baseFailed} failed"
        )
    );
}

// (f') The same with -ThrottleLimit 10: deletions freed together restart together.
if (Wanted("f"))
    rows.Add(await DeletionRow("(f') the same, -ThrottleLimit 10", jobCount, 2, " -ThrottleLimit 10", ""));

// (g) Removing jobs whose deletions take 20 s: the same limits, ten times the wait.
if (Wanted("g"))
{
    int n = quick ? 20 : 50;
    rows.Add(await DeletionRow($"(g) remove {n} jobs, 20 s deletions", n, 20, "", ""));
}

// (e) A dry run over listed jobs costs what the listing costs.
if (Wanted("e"))
{
    int n = quick ? 300 : 1000;
    await using var sim = await StartLikeTheService(s => SeedJobs(s, n));
    RunModule(sim, "Get-IotJob -Status CANCELED | Out-Null"); // warm: both runs below find the SDK loaded
    await Task.Delay(1000); // and the rate limit's bucket full again
    sim.ClearRequests();
    var (listing, _) = RunModule(sim, "Get-IotJob -Status CANCELED | Out-Null");
    int listingRequests = sim.Requests.Count;
    await Task.Delay(1000);
    sim.ClearRequests();
    var (dryRun, errors) = RunModule(sim, "Get-IotJob -Status CANCELED | Remove-IotJob -WhatIf");
    Check(sim.Requests.All(q => q.Method == "GET"), "(e) the dry run changed something");
    // Beyond the listing, one request per command: the jobs of Greengrass deployments, to tell which listed jobs
    // another service owns.
    rows.Add([
        $"(e) -WhatIf over {n} listed jobs",
        $"{dryRun:0.00} s, {sim.Requests.Count} requests, {errors} errors",
        $"{listing:0.00} s listing, {listingRequests} requests",
        "",
        $"{dryRun / listing:0.00}x of listing",
        "<= 1.5x",
        Met(dryRun / listing <= 1.5 && sim.Requests.Count <= listingRequests + 1),
    ]);
}

// (h) Unattended removal reads nothing first: one DeleteJob per job, no DescribeJob.
if (Wanted("h"))
{
    await using var sim = await StartLikeTheService(s => SeedJobs(s, jobCount));
    var (seconds, errors) = RunModule(sim, "Get-IotJob -Status CANCELED | Remove-IotJob -Confirm:$false");
    int deletes = sim.Requests.Count(q => q.Operation == "DeleteJob"),
        describes = sim.Requests.Count(q => q.Operation == "DescribeJob");
    rows.Add([
        $"(h) -Confirm:$false removal of {jobCount} jobs",
        $"{deletes} DeleteJob, {describes} DescribeJob, {errors} failed",
        "",
        $"{jobCount} DeleteJob",
        $"{seconds:0.0} s",
        $"{jobCount} DeleteJob, 0 DescribeJob",
        Met(deletes == jobCount && describes == 0 && errors == 0),
    ]);
}

// (i) Failing fast where nothing answers: the module vs the AWS CLI, the same calls, in this run.
if (Wanted("i"))
{
    var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    foreach (
        var (what, module, cli) in new[]
        {
            (
                "unreachable endpoint",
                $"Get-IotJob -EndpointUrl http://127.0.0.1:{port} -Region us-east-1",
                $"iot list-jobs --endpoint-url http://127.0.0.1:{port} --region us-east-1"
            ),
            ("unknown region", "Get-IotJob -Region mars-north-1", "iot list-jobs --region mars-north-1"),
        }
    )
    {
        var (seconds, errors) = RunModule(null, module);
        double? cliSeconds = TimeCli(cli);
        rows.Add([
            $"(i) fail on an {what}",
            $"{seconds:0.00} s, {errors} error",
            cliSeconds is double c ? $"{c:0.00} s AWS CLI" : "AWS CLI not on PATH",
            "",
            cliSeconds is double d ? $"{seconds / d:0.00}x of CLI" : "",
            "<= the CLI's",
            Met(errors == 1 && (cliSeconds == null || seconds <= cliSeconds)),
        ]);
    }
}

// (b) Stopping executions: the module vs a one-at-a-time loop vs the rate limit n / 10 per s.
if (Wanted("b"))
{
    await using var sim = await StartLikeTheService(s => SeedExecutions(s, "rollout", executionCount));
    var (seconds, errors) = RunModule(sim, "Get-IotJobExecution -JobId rollout | Stop-IotJobExecution");
    Check(
        sim.Store.FindJob("rollout")!.ExecutionList.All(e => e.Status == "CANCELED"),
        "(b) module left executions uncanceled"
    );

    await using var simBase = await StartLikeTheService(s => SeedExecutions(s, "rollout", executionCount));
    var things = Enumerable.Range(0, executionCount).Select(i => $"thing-{i:D6}").ToList();
    var (baseSeconds, baseFailed) = await OneAtATime(simBase, things, (c, t) =>
        c.CancelJobExecutionAsync(new CancelJobExecutionRequest { JobId = "rollout", ThingName = t })
    );
    double limit = executionCount / 10.0;
    rows.Add([
        $"(b) stop {executionCount} executions",
        $"{seconds:0.0} s, {errors} failed",
        $"{baseSeconds:0.0} s, {baseFailed} failed",
        $"{limit:0.0} s",
        $"{seconds / limit:0.00}x",
        "<= 1.2x, 0 failed",
        Met(seconds / limit <= 1.2 && errors == 0),
    ]);
}

// (c) Streaming executions: peak managed memory growth, streamed vs collected into a variable.
if (Wanted("c"))
{
    await using var sim = await StartLikeTheService(s => SeedExecutions(s, "big", streamCount), rateLimited: false);
    var streamed = PeakGrowth(() =>
        RunModule(
            sim,
            "$n = 0; Get-IotJobExecution -JobId big | ForEach-Object { $n++ }; if ($n -ne "
                + streamCount
                + ") { throw \"saw $n\" }"
        )
    );
    var collected = PeakGrowth(() =>
        RunModule(
            sim,
            "$all = Get-IotJobExecution -JobId big; if ($all.Count -ne " + streamCount + ") { throw 'short' }"
        )
    );
    rows.Add([
        $"(c) stream {streamCount:N0} executions",
        $"{streamed / 1e6:0.0} MB peak growth",
        $"{collected / 1e6:0.0} MB collected in $all",
        "",
        $"{streamed / (double)collected:0.00}x of collected",
        "< 50 MB",
        Met(streamed < 50e6),
    ]);
}

// (d) Import-Module of the built module in a fresh process vs a trivial binary module, median of 5.
if (Wanted("d"))
{
    var trivial = Directory
        .GetFiles(Path.Combine(root, "bench", "TrivialModule", "bin"), "TrivialModule.dll", SearchOption.AllDirectories)
        .OrderByDescending(File.GetLastWriteTimeUtc)
        .First();
    double iotJobs = MedianImport(manifest),
        baseline = MedianImport(trivial);
    rows.Add([
        "(d) Import-Module",
        $"{iotJobs:0} ms",
        $"{baseline:0} ms trivial module",
        "",
        $"{iotJobs / baseline:0.00}x of trivial",
        "<= 300 ms",
        Met(iotJobs <= 300),
    ]);
}

// (j) The request budget: what each cmdlet sends per item in each mode, from the simulator's log, beside the listing.
var budget = new List<string[]>();
if (Wanted("j"))
{
    const int n = 10;
    var cases = new (string Mode, string Script)[]
    {
        ("Remove-IotJob: listed | -WhatIf", "Get-IotJob -Status CANCELED | Remove-IotJob -WhatIf"),
        ("Remove-IotJob: ids | -WhatIf", "$ids | Remove-IotJob -WhatIf"),
        ("Remove-IotJob: listed | prompt (Yes)", "Get-IotJob -Status CANCELED | Remove-IotJob"),
        ("Remove-IotJob: listed | -Confirm:$false", "Get-IotJob -Status CANCELED | Remove-IotJob -Confirm:$false"),
        ("Remove-IotJob: ids | -Force", "$ids | Remove-IotJob -Force"),
        ("Remove-IotJob: listed | -Force -PassThru", "Get-IotJob -Status CANCELED | Remove-IotJob -Force -PassThru"),
        ("Remove-IotJob: ids | -Force -Wait", "$ids | Remove-IotJob -Force -Wait"),
        ("Remove-IotJob: ids | -Force -AllowServiceOwned", "$ids | Remove-IotJob -Force -AllowServiceOwned"),
        ("Remove-IotJob: ids | -Force -BackupPath", "$ids | Remove-IotJob -Force -BackupPath $backup"),
        ("Stop-IotJob: listed | -WhatIf", "Get-IotJob -Status IN_PROGRESS | Stop-IotJob -WhatIf"),
        (
            "Stop-IotJob: listed | prompt (Yes)",
            "$ConfirmPreference = 'Medium'; Get-IotJob -Status IN_PROGRESS | Stop-IotJob"
        ),
        ("Stop-IotJob: listed | (no prompt)", "Get-IotJob -Status IN_PROGRESS | Stop-IotJob"),
        ("Stop-IotJob: listed | -PassThru", "Get-IotJob -Status IN_PROGRESS | Stop-IotJob -PassThru"),
        ("Stop-IotJobExecution: listed | -WhatIf", "Get-IotJobExecution -JobId rollout | Stop-IotJobExecution -WhatIf"),
        (
            "Stop-IotJobExecution: listed | prompt (Yes)",
            "$ConfirmPreference = 'Medium'; Get-IotJobExecution -JobId rollout | Stop-IotJobExecution"
        ),
        ("Stop-IotJobExecution: listed | (no prompt)", "Get-IotJobExecution -JobId rollout | Stop-IotJobExecution"),
        (
            "Stop-IotJobExecution: listed | -PassThru",
            "Get-IotJobExecution -JobId rollout | Stop-IotJobExecution -PassThru"
        ),
        (
            "Remove-IotJobExecution: listed | -WhatIf",
            "Get-IotJobExecution -JobId old-0 | Remove-IotJobExecution -WhatIf"
        ),
        ("Remove-IotJobExecution: listed | prompt (Yes)", "Get-IotJobExecution -JobId old-0 | Remove-IotJobExecution"),
        (
            "Remove-IotJobExecution: listed | -Confirm:$false",
            "Get-IotJobExecution -JobId old-0 | Remove-IotJobExecution -Confirm:$false"
        ),
        (
            "Remove-IotJobExecution: listed | -Confirm:$false -BackupPath",
            "Get-IotJobExecution -JobId old-0 | Remove-IotJobExecution -Confirm:$false -BackupPath $backup"
        ),
    };
    string backup = Directory.CreateTempSubdirectory("iotjobs-bench-").FullName;
    foreach (var (mode, script) in cases)
    {
        await using var sim = await StartLikeTheService(s =>
        {
            for (int i = 0; i < n; i++)
                s.Store.AddJob($"job-{i:D4}", "CANCELED");
            for (int i = 0; i < n; i++)
                s.Store.AddJob($"run-{i:D4}");
            s.Store.AddJob("rollout", "SCHEDULED");
            s.Store.AddJob("old-0", "COMPLETED");
            for (int i = 0; i < n; i++)
            {
                s.Store.AddExecution("rollout", $"thing-{i:D2}");
                s.Store.AddExecution("old-0", $"thing-{i:D2}", "SUCCEEDED");
            }
        });
        RunModuleWith(
            sim,
            script,
            // Every prompt answered Yes, and nothing shown: a prompted run, counted.
            new ScriptedHost(new ScriptedHostOptions { Name = "IotJobsBench", DefaultAnswer = "Y" }),
            ("ids", JobIds(n)),
            (
                "backup",
                Directory
                    .CreateDirectory(Path.Combine(backup, budget.Count.ToString(CultureInfo.InvariantCulture)))
                    .FullName
            )
        );
        // The ownership guard's listing of the Greengrass deployments' jobs is paid once per command, not per item.
        var lookup = sim
            .Requests.Where(q => q.Operation == "ListJobs" && q.QueryValue("namespaceId") == "aws-gg-deployment")
            .ToList();
        // The listing is what Get-* sent; a script fed job ids lists nothing (a backup's executions are per item).
        var listing =
            !script.StartsWith("Get-", StringComparison.Ordinal) && !script.Contains("; Get-", StringComparison.Ordinal)
                ? []
                : sim
                    .Requests.Except(lookup)
                    .Where(q =>
                        q.Operation is "ListJobs" or "ListJobExecutionsForJob"
                        && q.QueryValue("status") != "DELETION_IN_PROGRESS"
                    )
                    .ToList();
        var perItem = sim
            .Requests.Except(listing)
            .Except(lookup)
            .GroupBy(q => q.Operation!)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Count() / (double)n:0.##} {g.Key}")
            .ToList();
        budget.Add([
            mode,
            perItem.Count == 0 ? "0" : string.Join(", ", perItem),
            listing.Count == 0 ? "none" : $"{listing.Count} for all {n}",
            $"{lookup.Count} ListJobs",
        ]);
    }
    Directory.Delete(backup, recursive: true);
}

if (rows.Count > 0)
    PrintTable(["scenario", "IotJobs", "baseline (same run)", "limit", "ratio", "goal", "met"], rows);
if (budget.Count > 0)
    PrintTable(["cmdlet: input | mode", "requests per item", "listing", "ownership lookup"], budget);
Console.WriteLine(
    "Rows (a,f), (g) and (h) count requests from the simulator's log; (i) times the same call by the AWS CLI "
        + "(its default retries), where installed."
);
Console.WriteLine(
    "Baselines: (a)/(b) send one request after another with a plain SDK client (no pacing, no deletion "
        + "scheduling), as a loop of"
);
Console.WriteLine(
    "`aws iot delete-job` / `cancel-job-execution` calls does; an item fails when its request still fails "
        + "after the SDK's retries."
);
return 0;

// A row of (a,f), (f') or (g): n jobs removed with -Force -Wait against the physical limit ceil(n/10) x the deletion's
// time, and every ListJobs the command sent (its deletion watching and its ownership lookup) per deletion.
async Task<string[]> DeletionRow(string scenario, int n, double deletionSeconds, string flags, string baseline)
{
    await using var sim = await StartLikeTheService(
        s => SeedJobs(s, n),
        deletion: TimeSpan.FromSeconds(deletionSeconds)
    );
    var (seconds, errors) = RunModule(sim, "$ids | Remove-IotJob -Force -Wait" + flags, ("ids", JobIds(n)));
    Check(sim.Store.JobCount == 0, $"{scenario}: the module left jobs behind");
    double polls = sim.Requests.Count(q => q.Operation == "ListJobs") / (double)n;
    double limit = Math.Ceiling(n / 10.0) * deletionSeconds;
    return
    [
        scenario,
        $"{seconds:0.0} s, {errors} failed, {polls:0.00} ListJobs/deletion",
        baseline,
        $"{limit:0.0} s",
        $"{seconds / limit:0.00}x",
        "<= 1.1x, 0 failed, <= 0.25 ListJobs",
        Met(seconds / limit <= 1.1 && errors == 0 && polls <= 0.25),
    ];
}

static async Task<IotJobsSimulator> StartLikeTheService(
    Action<IotJobsSimulator> seed,
    bool rateLimited = true,
    TimeSpan? deletion = null
)
{
    var options = new SimulatorOptions
    {
        DeletionDuration = deletion ?? TimeSpan.FromSeconds(2),
        MaxDeletionsInProgress = 10,
        Latency = TimeSpan.FromMilliseconds(30),
    };
    if (rateLimited)
        options.DefaultRateLimit = 10;
    var sim = await IotJobsSimulator.StartAsync(options);
    seed(sim);
    return sim;
}

static void SeedJobs(IotJobsSimulator sim, int n)
{
    foreach (var id in JobIds(n))
        sim.Store.AddJob(id, "CANCELED");
}

static void SeedExecutions(IotJobsSimulator sim, string jobId, int n)
{
    sim.Store.AddJob(jobId);
    for (int i = 0; i < n; i++)
        sim.Store.AddExecution(jobId, $"thing-{i:D6}");
}

static List<string> JobIds(int n) => Enumerable.Range(0, n).Select(i => $"job-{i:D4}").ToList();

(double Seconds, int Errors) RunModule(
    IotJobsSimulator? sim,
    string script,
    params (string Name, object Value)[] variables
) => RunModuleWith(sim, script, null, variables);

(double Seconds, int Errors) RunModuleWith(
    IotJobsSimulator? sim,
    string script,
    System.Management.Automation.Host.PSHost? host,
    params (string Name, object Value)[] variables
)
{
    using var runspace =
        host == null
            ? RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2())
            : RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
    runspace.Open();
    string endpoint = sim == null ? "" : $"$PSDefaultParameterValues['*-IotJob*:EndpointUrl'] = '{sim.Endpoint}'; ";
    using (var setup = PowerShell.Create(runspace))
        setup.AddScript($"Import-Module '{manifest}'; {endpoint}$ProgressPreference = 'SilentlyContinue'").Invoke();
    foreach (var (name, value) in variables)
        runspace.SessionStateProxy.SetVariable(name, value);
    using var ps = PowerShell.Create(runspace);
    ps.AddScript(script);
    var clock = Stopwatch.StartNew();
    ps.Invoke();
    return (clock.Elapsed.TotalSeconds, ps.Streams.Error.Count);
}

static async Task<(double Seconds, int Failed)> OneAtATime(
    IotJobsSimulator sim,
    IEnumerable<string> items,
    Func<IotJobsClient, string, Task> call
)
{
    var config = new IotJobsClientConfig
    {
        ServiceURL = sim.Endpoint.ToString(),
        AuthenticationRegion = "us-east-1",
        PaceRequests = false,
    };
    using var client = new IotJobsClient(
        new Amazon.Runtime.BasicAWSCredentials(
            SimulatorOptions.DefaultAccessKeyId,
            SimulatorOptions.DefaultSecretAccessKey
        ),
        config
    );
    int failed = 0;
    var clock = Stopwatch.StartNew();
    foreach (var item in items)
    {
        try
        {
            await call(client, item);
        }
        catch (IotJobsServiceException)
        {
            failed++;
        }
    }
    return (clock.Elapsed.TotalSeconds, failed);
}

// The AWS CLI's time for the same failing call, or null where it is not installed.
static double? TimeCli(string arguments)
{
    var start = new ProcessStartInfo("aws", arguments.Split(' '))
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    start.Environment["AWS_ACCESS_KEY_ID"] = SimulatorOptions.DefaultAccessKeyId;
    start.Environment["AWS_SECRET_ACCESS_KEY"] = SimulatorOptions.DefaultSecretAccessKey;
    var clock = Stopwatch.StartNew();
    try
    {
        using var cli = Process.Start(start)!;
        cli.StandardOutput.ReadToEnd();
        cli.StandardError.ReadToEnd();
        cli.WaitForExit();
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return null;
    }
    return clock.Elapsed.TotalSeconds;
}

static long PeakGrowth(Action run)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    long start = GC.GetTotalMemory(true),
        peak = start;
    using var stop = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, GC.GetTotalMemory(false));
            await Task.Delay(20);
        }
    });
    run();
    stop.Cancel();
    sampler.Wait();
    return peak - start;
}

static double MedianImport(string path)
{
    var times = new List<double>();
    for (int i = 0; i < 5; i++)
    {
        var start = new ProcessStartInfo(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "IotJobs.Bench.dll"), "--import", path]
        )
        {
            RedirectStandardOutput = true,
        };
        using var child = Process.Start(start)!;
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        times.Add(double.Parse(output.Trim(), CultureInfo.InvariantCulture));
    }
    times.Sort();
    return times[times.Count / 2];
}

static int MeasureImport(string path)
{
    using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
    runspace.Open();
    using (var warm = PowerShell.Create(runspace))
        warm.AddScript("$null").Invoke();
    using var ps = PowerShell.Create(runspace);
    ps.AddCommand("Import-Module").AddParameter("Name", path).AddParameter("ErrorAction", "Stop");
    var clock = Stopwatch.StartNew();
    ps.Invoke();
    Console.WriteLine(clock.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture));
    return 0;
}

static string Met(bool met) => met ? "yes" : "NO";

static void Check(bool ok, string what)
{
    if (!ok)
        throw new InvalidOperationException(what);
}

static void PrintTable(string[] header, List<string[]> rows)
{
    var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
    string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
    Console.WriteLine();
    Console.WriteLine(Line(header));
    Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
    foreach (var row in rows)
        Console.WriteLine(Line(row));
    Console.WriteLine();
}
