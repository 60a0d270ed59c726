using System.Collections;
using IotJobs.Hosting;
using IotJobs.Simulator;

namespace IotJobs.Bench;

/// <summary>
/// Rows (j) and (j'): the jobs of four places (four regions, a simulator each) removed in one pipeline, and the same
/// four places through ForEach-Object -Parallel, a runspace per place. Places are independent (each has its own 10
/// deletions in progress and its own rates), so the whole should take about what one place takes.
/// </summary>
internal static class PlaceRows
{
    private static readonly string[] Regions = ["us-east-1", "eu-west-1", "ap-south-1", "sa-east-1"];

    /// <summary>(j): `$all | Remove-IotJob -Force -Wait`, `$all` listed from the four places beforehand.</summary>
    public static async Task<string[]> OnePipeline(int jobsPerPlace, string flags, string scenario, string goal)
    {
        var sims = await StartPlaces(jobsPerPlace);
        try
        {
            using var session = new ModuleSession();
            session.SetVariable("places", PlacesOf(sims));
            session.Run("$all = @(foreach ($place in $places) { Get-IotJob @place })");
            session.Run($"if ($all.Count -ne {jobsPerPlace * sims.Count}) {{ throw \"listed $($all.Count)\" }}");
            foreach (var sim in sims)
                sim.ClearRequests();
            var (seconds, errors, _) = session.Time("$all | Remove-IotJob -Force -Wait" + flags);
            CheckRemovedEverywhere(sims, scenario);
            foreach (var sim in sims)
                RequestLog.Write(scenario, sim);
            int throttled = sims.Sum(s => s.Requests.Count(q => q.ErrorType == "ThrottlingException")),
                overLimit = sims.Sum(s => s.Requests.Count(q => q.ErrorType == "LimitExceededException"));
            double polls = sims.Sum(s => s.Requests.Count(q => q.Operation == "ListJobs")) / (jobsPerPlace * 4.0);
            double limit = OnePlaceLimit(jobsPerPlace);
            return
            [
                scenario,
                $"{seconds:0.0} s, {errors} failed, {polls:0.00} ListJobs/deletion, {throttled} throttled, "
                    + $"{overLimit} over the deletion limit",
                "",
                $"{limit:0.0} s one place",
                $"{seconds / limit:0.00}x",
                goal,
                goal == Table.NoGoal ? Table.NotJudged : Table.Met(seconds / limit <= 1.2 && errors == 0),
            ];
        }
        finally
        {
            foreach (var sim in sims)
                await sim.DisposeAsync();
        }
    }

    /// <summary>
    /// (j'): a runspace per place, each importing the module, listing its place and removing what it listed; the
    /// whole is timed, and each runspace times its removal.
    /// </summary>
    public static async Task<string[]> Parallel(int jobsPerPlace)
    {
        var sims = await StartPlaces(jobsPerPlace);
        try
        {
            using var session = new ModuleSession();
            session.SetVariable("places", PlacesOf(sims));
            session.SetVariable("manifest", BuiltModule.Manifest);
            var (seconds, errors, output) = session.Time(
                """
                $places | ForEach-Object -ThrottleLimit 4 -Parallel {
                    $place = $_
                    Import-Module $using:manifest
                    $ProgressPreference = 'SilentlyContinue'
                    $jobs = @(Get-IotJob @place)
                    $clock = [Diagnostics.Stopwatch]::StartNew()
                    $jobs | Remove-IotJob -Force -Wait
                    $clock.Elapsed.TotalSeconds
                }
                """
            );
            CheckRemovedEverywhere(sims, "(j')");
            foreach (var sim in sims)
                RequestLog.Write("j-parallel", sim);
            double slowest = output.Max(o => Convert.ToDouble(o.BaseObject, null));
            double limit = OnePlaceLimit(jobsPerPlace);
            return
            [
                "(j') the same, ForEach-Object -Parallel",
                $"{seconds:0.0} s, {errors} failed; removal {slowest:0.0} s in the slowest runspace",
                "",
                $"{limit:0.0} s one place",
                $"{seconds / limit:0.00}x",
                Table.NoGoal,
                Table.NotJudged,
            ];
        }
        finally
        {
            foreach (var sim in sims)
                await sim.DisposeAsync();
        }
    }

    /// <summary>One place's physical limit: its jobs in waves of 10 deletions in progress.</summary>
    private static double OnePlaceLimit(int jobsPerPlace) => Math.Ceiling(jobsPerPlace / 10.0) * 2;

    private static async Task<List<IotJobsSimulator>> StartPlaces(int jobsPerPlace)
    {
        var sims = new List<IotJobsSimulator>();
        foreach (var region in Regions)
            sims.Add(await ServiceLike.Start(s => ServiceLike.SeedJobs(s, jobsPerPlace), region: region));
        return sims;
    }

    /// <summary>Each place as the parameters that reach it, for splatting: -EndpointUrl and -Region.</summary>
    private static List<Hashtable> PlacesOf(List<IotJobsSimulator> sims) =>
        sims.Select(s => new Hashtable { ["EndpointUrl"] = s.Endpoint.ToString(), ["Region"] = s.Options.Region })
            .ToList();

    private static void CheckRemovedEverywhere(List<IotJobsSimulator> sims, string scenario)
    {
        foreach (var sim in sims)
            Table.Check(sim.Store.JobCount == 0, $"{scenario}: jobs left in {sim.Options.Region}");
    }
}
