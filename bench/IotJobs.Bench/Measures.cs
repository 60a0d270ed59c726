using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace IotJobs.Bench;

/// <summary>Memory and import time, measured as rows (c) and (d) need them.</summary>
internal static class Measures
{
    /// <summary>
    /// The growth of the live managed heap at its peak while the work runs: sampled every 100 ms after a full
    /// collection, so that what is held counts and garbage not yet collected does not (how much of that there is
    /// depends on the machine's GC budgets, not on the module).
    /// </summary>
    public static long PeakGrowth(Action run)
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
                peak = Math.Max(peak, GC.GetTotalMemory(true));
                await Task.Delay(100);
            }
        });
        run();
        stop.Cancel();
        sampler.Wait();
        return peak - start;
    }

    /// <summary>The median of 5 imports, each in a fresh process of this benchmark (its --import mode).</summary>
    public static double MedianImport(string path)
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

    /// <summary>The --import mode: prints the milliseconds Import-Module took in this fresh process.</summary>
    public static int MeasureImport(string path)
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
}
