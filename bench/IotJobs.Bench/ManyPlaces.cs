using System.Diagnostics;
using System.Globalization;

namespace IotJobs.Bench;

/// <summary>
/// Row (m): what one process holds and spends per place, for the estimate of how many places one process can keep
/// busy: many places (accounts, each a profile of the benchmark's own credentials file) in one pipeline, against a
/// simulator in a process of its own, so that this process's CPU and memory are the module's alone.
/// </summary>
internal static class ManyPlaces
{
    public const int MostPlaces = 100;

    /// <summary>
    /// Writes the profiles of every place the row may use, before anything reads the shared credentials file (the
    /// AWS SDK reads where it is once per process): the path, for AWS_SHARED_CREDENTIALS_FILE.
    /// </summary>
    public static string WriteProfiles(string folder)
    {
        string path = Path.Combine(folder, "credentials");
        var lines = Enumerable
            .Range(1, MostPlaces)
            .SelectMany(p =>
                new[]
                {
                    $"[{ProfileOf(p)}]",
                    $"aws_access_key_id = {KeyOf(p)}",
                    $"aws_secret_access_key = {SecretOf(p)}",
                }
            );
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <param name="interleaved">
    /// The items taken in turns, a job of each place after another (as docs/PERFORMANCE.md shows), rather than place
    /// after place: a command keeps at most 1,000 items under way, and items waiting for a deletion place count.
    /// </param>
    public static async Task<string[]> OnePipeline(int places, int jobsPerPlace, bool interleaved)
    {
        await using var sim = SimulatorProcess.Start();
        for (int p = 1; p <= places; p++)
            await sim.AddAccount(AccountOf(p), KeyOf(p), SecretOf(p), jobsPerPlace);
        using var session = new ModuleSession();
        session.SetVariable("endpoint", sim.Endpoint.ToString());
        session.SetVariable("places", places);
        const string list =
            "@(foreach ($p in 1..$places) { Get-IotJob -ProfileName ('place-{0:D4}' -f $p) -EndpointUrl $endpoint })";
        // Listed place after place, as a loop over accounts lists them; in turns, each job marked with its turn in
        // its place's listing and the whole sorted by it.
        session.Run(
            interleaved
                ? "$all = @(foreach ($p in 1..$places) { $turn = 0; Get-IotJob -ProfileName ('place-{0:D4}' -f $p) "
                    + "-EndpointUrl $endpoint | ForEach-Object { $_ | Add-Member Turn ($turn++) -PassThru } }) | "
                    + "Sort-Object Turn -Stable"
                : $"$all = {list}"
        );
        session.Run($"if ($all.Count -ne {places * jobsPerPlace}) {{ throw \"listed $($all.Count)\" }}");
        int before = (await sim.ErrorTypes()).Count;

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long heap = GC.GetTotalMemory(true),
            peakHeap = heap;
        int peakSockets = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                peakSockets = Math.Max(peakSockets, Sockets());
                await Task.Delay(50);
            }
        });
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (seconds, errors, _) = session.Time("$all | Remove-IotJob -Force -Wait");
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        stop.Cancel();
        await sampler;

        var log = (await sim.ErrorTypes()).Skip(before).ToList();
        session.Run($"if ({list}.Count) {{ throw 'jobs left' }}");
        int throttled = log.Count(e => e == "ThrottlingException");
        double limit = Math.Ceiling(jobsPerPlace / 10.0) * 2;
        return
        [
            $"(m{(interleaved ? "" : "'")}) {places} places x {jobsPerPlace} jobs, "
                + (interleaved ? "in turns" : "place after place"),
            $"{seconds:0.0} s, {errors} failed, {throttled} throttled, "
                + $"{cpu.TotalMilliseconds / log.Count:0.0} ms CPU/request, "
                + $"{(peakHeap - heap) / 1024.0 / places:0} KB/place, {peakSockets} sockets",
            "",
            $"{limit:0.0} s one place",
            $"{seconds / limit:0.00}x",
            Table.NoGoal,
            Table.NotJudged,
        ];
    }

    /// <summary>The sockets this process has open (Linux); 0 where /proc does not tell.</summary>
    private static int Sockets()
    {
        if (!Directory.Exists("/proc/self/fd"))
            return 0;
        int sockets = 0;
        foreach (var fd in Directory.EnumerateFiles("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true)
                    sockets++;
            }
            catch (IOException)
            {
                // Closed while being looked at.
            }
        }
        return sockets;
    }

    private static string ProfileOf(int place) => $"place-{place:D4}";

    private static string KeyOf(int place) => $"AKIAPLACE{place:D11}";

    private static string SecretOf(int place) => $"place-{place}/secret/not-a-real-one";

    private static string AccountOf(int place) => (100_000_000_000L + place).ToString(CultureInfo.InvariantCulture);
}
