using System.Globalization;
using IotJobs.Hosting;

namespace IotJobs.Bench;

/// <summary>
/// Table (l), the request budget: what each cmdlet sends per item in each mode, from the simulator's log over 10
/// items, beside what the listing sent and the ownership lookup the command pays once.
/// </summary>
internal static class RequestBudget
{
    private const int Items = 10;

    private static readonly (string Mode, string Script)[] Cases =
    [
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
    ];

    public static readonly string[] Header =
    [
        "cmdlet: input | mode",
        "requests per item",
        "listing",
        "ownership lookup",
    ];

    public static async Task<List<string[]>> Measure()
    {
        var budget = new List<string[]>();
        string backup = Directory.CreateTempSubdirectory("iotjobs-bench-").FullName;
        foreach (var (mode, script) in Cases)
        {
            await using var sim = await ServiceLike.Start(s =>
            {
                for (int i = 0; i < Items; i++)
                    s.Store.AddJob($"job-{i:D4}", "CANCELED");
                for (int i = 0; i < Items; i++)
                    s.Store.AddJob($"run-{i:D4}");
                s.Store.AddJob("rollout", "SCHEDULED");
                s.Store.AddJob("old-0", "COMPLETED");
                for (int i = 0; i < Items; i++)
                {
                    s.Store.AddExecution("rollout", $"thing-{i:D2}");
                    s.Store.AddExecution("old-0", $"thing-{i:D2}", "SUCCEEDED");
                }
            });
            // Every prompt answered Yes, and nothing shown: a prompted run, counted.
            using var session = new ModuleSession(
                sim.Endpoint,
                new ScriptedHost(new ScriptedHostOptions { Name = "IotJobsBench", DefaultAnswer = "Y" })
            );
            session.SetVariable("ids", ServiceLike.JobIds(Items));
            string folder = Path.Combine(backup, budget.Count.ToString(CultureInfo.InvariantCulture));
            session.SetVariable("backup", Directory.CreateDirectory(folder).FullName);
            session.Time(script);
            budget.Add(Row(mode, script, sim));
        }
        Directory.Delete(backup, recursive: true);
        return budget;
    }

    private static string[] Row(string mode, string script, IotJobs.Simulator.IotJobsSimulator sim)
    {
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
            .Select(g => $"{g.Count() / (double)Items:0.##} {g.Key}")
            .ToList();
        return
        [
            mode,
            perItem.Count == 0 ? "0" : string.Join(", ", perItem),
            listing.Count == 0 ? "none" : $"{listing.Count} for all {Items}",
            $"{lookup.Count} ListJobs",
        ];
    }
}
