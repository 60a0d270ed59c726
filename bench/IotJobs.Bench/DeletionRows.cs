namespace IotJobs.Bench;

/// <summary>
/// Rows (a,f), (f') and (g): n jobs of one place removed with -Force -Wait, against the physical limit
/// ceil(n/10) x the deletion's time, with every ListJobs the command sent (its deletion watching and its ownership
/// lookup) per deletion.
/// </summary>
internal static class DeletionRows
{
    public const double MostListJobsPerDeletion = 0.25;

    public static async Task<string[]> Measure(
        string scenario,
        int n,
        double deletionSeconds,
        string flags,
        string baseline,
        double goal
    )
    {
        await using var sim = await ServiceLike.Start(
            s => ServiceLike.SeedJobs(s, n),
            deletion: TimeSpan.FromSeconds(deletionSeconds)
        );
        using var session = new ModuleSession(sim.Endpoint);
        session.SetVariable("ids", ServiceLike.JobIds(n));
        var (seconds, errors, _) = session.Time("$ids | Remove-IotJob -Force -Wait" + flags);
        Table.Check(sim.Store.JobCount == 0, $"{scenario}: the module left jobs behind");
        RequestLog.Write(scenario, sim);
        double polls = sim.Requests.Count(q => q.Operation == "ListJobs") / (double)n;
        double limit = Math.Ceiling(n / 10.0) * deletionSeconds;
        return
        [
            scenario,
            $"{seconds:0.0} s, {errors} failed, {polls:0.00} ListJobs/deletion",
            baseline,
            $"{limit:0.0} s",
            $"{seconds / limit:0.00}x",
            $"<= {goal:0.0#}x, 0 failed, <= {MostListJobsPerDeletion} ListJobs",
            Table.Met(seconds / limit <= goal && errors == 0 && polls <= MostListJobsPerDeletion),
        ];
    }
}
