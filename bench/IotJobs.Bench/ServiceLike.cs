using IotJobs.Simulator;

namespace IotJobs.Bench;

/// <summary>
/// Simulators in this process set up like the service: a deletion stays in progress 2 s, at most 10 at once,
/// 10 requests per second per operation and account, 30 ms latency; and the jobs the rows seed into them.
/// </summary>
internal static class ServiceLike
{
    public static async Task<IotJobsSimulator> Start(
        Action<IotJobsSimulator> seed,
        bool rateLimited = true,
        TimeSpan? deletion = null,
        string region = "us-east-1",
        Action<SimulatorOptions>? configure = null
    )
    {
        var options = new SimulatorOptions
        {
            Region = region,
            DeletionDuration = deletion ?? TimeSpan.FromSeconds(2),
            MaxDeletionsInProgress = 10,
            Latency = TimeSpan.FromMilliseconds(30),
        };
        if (rateLimited)
            options.DefaultRateLimit = 10;
        configure?.Invoke(options);
        var sim = await IotJobsSimulator.StartAsync(options);
        seed(sim);
        return sim;
    }

    public static void SeedJobs(IotJobsSimulator sim, int n) => SeedJobs(sim.Store, n);

    public static void SeedJobs(IotJobs.Simulator.State.JobStore store, int n)
    {
        foreach (var id in JobIds(n))
            store.AddJob(id, "CANCELED");
    }

    public static void SeedExecutions(IotJobsSimulator sim, string jobId, int n)
    {
        sim.Store.AddJob(jobId);
        for (int i = 0; i < n; i++)
            sim.Store.AddExecution(jobId, $"thing-{i:D6}");
    }

    public static List<string> JobIds(int n) => Enumerable.Range(0, n).Select(i => $"job-{i:D4}").ToList();
}
