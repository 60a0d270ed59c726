using IotJobs.Client.Model;
using IotJobs.Tests.Module;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Simulator;

/// <summary>
/// The help's recipe for creating a deleted job again from its backup (about_IotJobs, BACKUPS) runs against the
/// simulator exactly as written: in PowerShell, the aws CLI pointed at the simulator by the environment alone.
/// </summary>
public sealed class BackupRecipeTests
{
    /// <summary>The recipe, word for word as the documentation gives it: the PowerShell block of its BACKUPS.</summary>
    private static string Recipe()
    {
        string about = File.ReadAllText(Path.Combine(HelpPages.Folder, "about_IotJobs.help.md"));
        string backups = about[about.IndexOf("## BACKUPS", StringComparison.Ordinal)..];
        var block = System.Text.RegularExpressions.Regex.Match(backups, "(?s)```powershell\r?\n(.*?)\r?\n```");
        Assert.True(block.Success, "about_IotJobs has no PowerShell block under BACKUPS");
        return block.Groups[1].Value;
    }

    [Fact]
    public async Task The_documented_recipe_creates_the_deleted_job_again_from_its_backup()
    {
        _ = AwsCli.Executable;
        await using var sim = await Sim.StartAsync(o =>
        {
            o.RecordResponseBodies = true;
            o.DeletionDuration = TimeSpan.Zero;
        });
        const string document =
            """{"operation":"install","firmware":"7.0.1","url":"https://example.com/fw?build=7+1&arch=<arm>"}""";
        sim.Store.AddJob("fw-7", "IN_PROGRESS", "CONTINUOUS", description: "Firmware 7", document: document);
        sim.Store.AddExecution("fw-7", "sensor-1", "SUCCEEDED");
        sim.Store.AddExecution("fw-7", "gateway:eu-1", "IN_PROGRESS");
        using var client = Sim.Client(sim);
        var before = (await client.DescribeJobAsync(new DescribeJobRequest { JobId = "fw-7" })).Job!;
        string folder = RemoveWithBackup(sim);
        Assert.Null(sim.Store.FindJob("fw-7"));

        var lines = IsolationTests.Probe(
            "run",
            $"Set-Location '{folder}'\n{Recipe()}\n\"exit $LASTEXITCODE\"",
            AwsCli.EnvironmentFor(sim)
        );

        Assert.Contains("exit 0", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("error ", StringComparison.Ordinal));
        var after = (await client.DescribeJobAsync(new DescribeJobRequest { JobId = "fw-7" })).Job!;
        Assert.Equal(before.Targets, after.Targets);
        Assert.Equal(("CONTINUOUS", "IN_PROGRESS"), (after.TargetSelection, after.Status));
        var again = await client.GetJobDocumentAsync(new GetJobDocumentRequest { JobId = "fw-7" });
        Assert.Equal(document, again.Document);
        Assert.Equal("QUEUED", sim.Store.FindExecution("fw-7", "gateway:eu-1")!.Status);
        Assert.Equal("QUEUED", sim.Store.FindExecution("fw-7", "sensor-1")!.Status);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// The module's own backup: Remove-IotJob -BackupPath writes backups/fw-7.job.json (readable JSON, only what JSON
    /// requires escaped) before the job is deleted. Returns the folder that holds backups/.
    /// </summary>
    private static string RemoveWithBackup(IotJobs.Simulator.IotJobsSimulator sim)
    {
        string folder = Path.Combine(Path.GetTempPath(), "iotjobs-recipe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "backups"));
        using var ps = PsSession.Start(sim);
        ps.SetVariable("backups", Path.Combine(folder, "backups"));
        var r = ps.Run("Remove-IotJob fw-7 -Force -BackupPath $backups");
        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.DoesNotContain("\\u0022", File.ReadAllText(Path.Combine(folder, "backups", "fw-7.job.json")));
        return folder;
    }
}
