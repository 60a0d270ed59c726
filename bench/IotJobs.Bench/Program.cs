using IotJobs.Bench;
using IotJobs.Client.Model;
using IotJobs.Simulator;

// dotnet run -c Release --project bench/IotJobs.Bench [-- --quick] [-- --only a,e,f] [-- --log DIR]
// Rows by letter: a, f (a and f'), g, j (default and -ThrottleLimit 16), j', k, m (m and m'), e, h, i, b, c, d, and l
// (the request budget).
// Child mode, used for (d): --import PATH prints the milliseconds Import-Module PATH took in a fresh process.
if (args.Length == 2 && args[0] == "--import")
    return Measures.MeasureImport(args[1]);

bool quick = args.Contains("--quick");
int only = Array.IndexOf(args, "--only");
var rowsWanted = only >= 0 && only + 1 < args.Length ? args[only + 1].Split(',').ToHashSet() : null;
bool Wanted(string row) => rowsWanted == null || rowsWanted.Contains(row);
int log = Array.IndexOf(args, "--log");
RequestLog.Folder = log >= 0 && log + 1 < args.Length ? Path.GetFullPath(args[log + 1]) : null;
int jobCount = quick ? 40 : 200,
    executionCount = quick ? 200 : 1000,
    streamCount = quick ? 10_000 : 100_000,
    jobsPerPlace = quick ? 20 : 60,
    jobsOfB = quick ? 20 : 50;
Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", SimulatorOptions.DefaultAccessKeyId);
Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SimulatorOptions.DefaultSecretAccessKey);
Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");

// Shared config and credentials files of the benchmark's own: the machine's ~/.aws reaches no row, and row (m)'s
// places are profiles of this file (the SDK reads where the files are once per process: they are set first).
string awsFolder = Directory.CreateTempSubdirectory("iotjobs-bench-aws-").FullName;
Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", ManyPlaces.WriteProfiles(awsFolder));
Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(awsFolder, "config"));
File.WriteAllText(Path.Combine(awsFolder, "config"), "");

Console.WriteLine(
    $"IotJobs benchmark{(quick ? " (quick)" : "")}: simulator like the service: deletions take 2 s, "
        + "at most 10 in progress, 10 requests/s per operation, 30 ms latency."
);
Console.WriteLine(
    $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}; "
        + $"load average at the start: {LoadAverage()}."
);
var rows = new List<string[]>();

// Warm up once: every row then measures the work, not the process loading the SDK and compiling the module.
{
    await using var warm = await ServiceLike.Start(s => ServiceLike.SeedJobs(s, 3));
    using var session = new ModuleSession(warm.Endpoint);
    session.Run("Get-IotJob | Remove-IotJob -Force -Wait; Get-IotJob");
}

// (a, f) Removing jobs with 2 s deletions: the module vs a one-at-a-time loop vs the physical limit ceil(n/10) x 2 s,
// and the ListJobs the module sent to watch its deletions.
if (Wanted("a") || Wanted("f"))
{
    await using var simBase = await ServiceLike.Start(s => ServiceLike.SeedJobs(s, jobCount));
    var (baseSeconds, baseFailed) = await Baselines.OneAtATime(simBase, ServiceLike.JobIds(jobCount), (c, id) =>
        c.DeleteJobAsync(new DeleteJobRequest { JobId = id })
    );
    string baseline = $"{baseSeconds:0.0} s, {baseFailed} failed";
    rows.Add(
        await DeletionRows.Measure($"(a,f) remove {jobCount} jobs, 2 s deletions", jobCount, 2, "", baseline, 1.05)
    );
}

// (f') The same with -ThrottleLimit 10: deletions freed together restart together.
if (Wanted("f"))
    rows.Add(
        await DeletionRows.Measure("(f') the same, -ThrottleLimit 10", jobCount, 2, " -ThrottleLimit 10", "", 1.1)
    );

// (g) Removing jobs whose deletions take 20 s: the same limits, ten times the wait.
if (Wanted("g"))
{
    int n = quick ? 20 : 50;
    rows.Add(await DeletionRows.Measure($"(g) remove {n} jobs, 20 s deletions", n, 20, "", "", 1.1));
}

// (j), (j') Four places at once: in one pipeline (default settings, then -ThrottleLimit 16) and a runspace each.
if (Wanted("j"))
{
    string scenario = $"(j) 4 places x {jobsPerPlace} jobs, one pipeline";
    rows.Add(await PlaceRows.OnePipeline(jobsPerPlace, "", scenario, "<= 1.2x, 0 failed"));
    rows.Add(
        await PlaceRows.OnePipeline(jobsPerPlace, " -ThrottleLimit 16", "(j) the same, -ThrottleLimit 16", Table.NoGoal)
    );
}
if (Wanted("j'"))
    rows.Add(await PlaceRows.Parallel(jobsPerPlace));

// (k) One account's removal while another account on the same endpoint is throttled hard.
if (Wanted("k"))
    rows.Add(await AccountRows.WhileAnotherIsThrottled(jobsOfB));

// (m), (m') Many places in one pipeline, the simulator in a process of its own: what a place costs this process,
// with the items in turns, and place after place.
if (Wanted("m"))
{
    int places = quick ? 30 : ManyPlaces.MostPlaces;
    // Warm: the rows then measure the work, not compiling the paths of many places and profiles.
    await ManyPlaces.OnePipeline(5, 10, interleaved: true);
    rows.Add(await ManyPlaces.OnePipeline(places, 30, interleaved: true));
    rows.Add(await ManyPlaces.OnePipeline(places, 30, interleaved: false));
}

// (e), (h), (i), (b), (c), (d): dry runs, unattended removal, failing fast, stopping, streaming, importing.
rows.AddRange(await OtherRows.Measure(Wanted, quick, jobCount, executionCount, streamCount));

// (l) The request budget: what each cmdlet sends per item in each mode, from the simulator's log.
var budget = Wanted("l") ? await RequestBudget.Measure() : [];

if (rows.Count > 0)
    Table.Print(["scenario", "IotJobs", "baseline (same run)", "limit", "ratio", "goal", "met"], rows);
if (budget.Count > 0)
    Table.Print(RequestBudget.Header, budget);
Console.WriteLine(
    $"Load average at the end: {LoadAverage()} (1, 5 and 15 minutes; {Environment.ProcessorCount} cores)."
);
Console.WriteLine(
    "Rows (a,f), (g), (h), (j), (k) and (m) count requests from the simulators' logs; (i) times the same call by "
        + "the AWS CLI (its default retries), where installed."
);
Console.WriteLine(
    "Baselines: (a)/(b) send one request after another with a plain SDK client (no pacing, no deletion "
        + "scheduling), as a loop of"
);
Console.WriteLine(
    "`aws iot delete-job` / `cancel-job-execution` calls does; an item fails when its request still fails "
        + "after the SDK's retries."
);
Directory.Delete(awsFolder, recursive: true);
return 0;

// The machine's load (Linux), which the times depend on: the machine is shared.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
