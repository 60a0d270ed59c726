using System.Text.Json;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Ownership;

/// <summary>
/// -BackupPath: each item is on disk, exactly as the service described it, before its deletion is sent.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("iotjobs-backups-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Canonical(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);

    private static async Task<IotJobs.Simulator.IotJobsSimulator> FleetWithADocument()
    {
        var sim = await Sim.StartAsync(o =>
        {
            o.DeletionDuration = TimeSpan.FromMinutes(1);
            o.RecordResponseBodies = true;
        });
        sim.Store.AddJob(
            "fw-7",
            "CANCELED",
            description: "Firmware 7",
            document: """{"operation":"install","url":"s3://builds/fw-7.bin"}""",
            details: new Dictionary<string, string>
            {
                ["timeoutConfig"] = """{"inProgressTimeoutInMinutes":60}""",
                ["jobExecutionsRetryConfig"] = """{"criteriaList":[{"failureType":"TIMED_OUT","numberOfRetries":2}]}""",
                ["documentParameters"] = """{"build":"7"}""",
            }
        );
        sim.Store.AddExecution("fw-7", "sensor-1", "CANCELED");
        sim.Store.AddExecution("fw-7", "gateway:eu-1", "SUCCEEDED");
        return sim;
    }

    [Fact]
    public async Task A_job_is_written_with_its_document_and_executions_before_its_DELETE_is_sent()
    {
        await using var sim = await FleetWithADocument();
        using var ps = PsSession.Start(sim);
        ps.SetVariable("folder", folder);

        var r = ps.Run("Remove-IotJob fw-7 -Confirm:$false -BackupPath $folder");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        string file = Path.Combine(folder, "fw-7.job.json");
        using var backup = JsonDocument.Parse(File.ReadAllText(file));
        var answered = sim.Requests.ToDictionary(q => q.Operation!, q => q);
        Assert.Equal(
            Canonical(answered["DescribeJob"].ResponseBody),
            Canonical(backup.RootElement.GetProperty("describeJob").GetRawText())
        );
        Assert.Equal(
            Canonical(answered["GetJobDocument"].ResponseBody),
            Canonical(backup.RootElement.GetProperty("getJobDocument").GetRawText())
        );
        Assert.Equal(
            """{"operation":"install","url":"s3://builds/fw-7.bin"}""",
            backup.RootElement.GetProperty("getJobDocument").GetProperty("document").GetString()
        );
        Assert.Equal(
            ["gateway:eu-1", "sensor-1"],
            backup
                .RootElement.GetProperty("executionSummaries")
                .EnumerateArray()
                .Select(e => e.GetProperty("thingArn").GetString()!.Split('/')[^1])
        );
        Assert.Equal(
            Canonical(
                JsonDocument
                    .Parse(answered["ListJobExecutionsForJob"].ResponseBody)
                    .RootElement.GetProperty("executionSummaries")
                    .GetRawText()
            ),
            Canonical(backup.RootElement.GetProperty("executionSummaries").GetRawText())
        );
        // The order the simulator saw: every read of the backup, then the deletion, after the file was on disk.
        Assert.Equal(
            ["DescribeJob", "GetJobDocument", "ListJobExecutionsForJob", "DeleteJob"],
            sim.Requests.Select(q => q.Operation).Where(o => o != "ListJobs")
        );
        Assert.True(
            File.GetLastWriteTimeUtc(file) <= answered["DeleteJob"].ReceivedAt.UtcDateTime,
            "the backup was written after the DELETE"
        );
    }

    [Fact]
    public async Task An_execution_is_written_as_described_before_its_DELETE()
    {
        await using var sim = await FleetWithADocument();
        long number = sim.Store.FindExecution("fw-7", "gateway:eu-1")!.ExecutionNumber;
        using var ps = PsSession.Start(sim);
        ps.SetVariable("folder", folder);

        var r = ps.Run(
            "Get-IotJobExecution -JobId fw-7 -ThingName gateway:eu-1 | "
                + "Remove-IotJobExecution -Confirm:$false -BackupPath $folder"
        );

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        string file = Path.Combine(folder, $"fw-7.gateway_eu-1.{number}.execution.json");
        using var backup = JsonDocument.Parse(File.ReadAllText(file));
        var described = sim.Requests.Last(q => q.Operation == "DescribeJobExecution");
        Assert.Equal(
            Canonical(described.ResponseBody),
            Canonical(backup.RootElement.GetProperty("describeJobExecution").GetRawText())
        );
        var delete = Assert.Single(sim.Requests, q => q.Operation == "DeleteJobExecution");
        Assert.True(described.Sequence < delete.Sequence);
        Assert.Null(sim.Store.FindExecution("fw-7", "gateway:eu-1"));
    }

    [Theory]
    [InlineData("missing-folder")]
    [InlineData("a-file")]
    public async Task A_backup_that_cannot_be_written_leaves_the_job_in_place_with_a_clear_error(string where)
    {
        await using var sim = await FleetWithADocument();
        sim.Store.AddJob("fw-8", "CANCELED");
        string target = Path.Combine(folder, where);
        if (where == "a-file")
        {
            File.WriteAllText(target, "not a folder");
            target = Path.Combine(target, "inside");
        }
        using var ps = PsSession.Start(sim);
        ps.SetVariable("target", target);

        var r = ps.Run("'fw-7','fw-8' | Remove-IotJob -Force -BackupPath $target");

        Assert.Equal(2, r.Errors.Count);
        var error = r.Errors[0];
        Assert.Equal("BackupFailed,IotJobs.Cmdlets.RemoveIotJobCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.WriteError, error.CategoryInfo.Category);
        Assert.StartsWith(
            $"Cannot remove job 'fw-7': its backup could not be written to {target} (",
            error.ErrorDetails.Message
        );
        Assert.EndsWith("). Nothing was deleted.", error.ErrorDetails.Message);
        Assert.StartsWith("Check that -BackupPath names a folder", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain(sim.Requests, q => q.Operation == "DeleteJob");
        Assert.Equal("CANCELED", sim.Store.FindJob("fw-7")!.Status);
    }

    [Fact]
    public async Task WhatIf_says_where_each_backup_would_go_and_writes_nothing()
    {
        await using var sim = await FleetWithADocument();
        using var ps = PsSession.Start(sim);
        ps.SetVariable("folder", folder);

        var r = ps.Run("Get-IotJob fw-7 | Remove-IotJob -WhatIf -BackupPath $folder");

        Assert.Contains(
            $"What if: Remove job 'fw-7' (CANCELED, 2 executions), after backing it up to "
                + $"{Path.Combine(folder, "fw-7.job.json")}.",
            r.HostText
        );
        Assert.Empty(Directory.GetFiles(folder));
        Assert.DoesNotContain(sim.Requests, q => q.Operation is "DeleteJob" or "GetJobDocument");
    }

    [Fact]
    public async Task A_second_backup_of_the_same_job_id_does_not_overwrite_the_first()
    {
        await using var sim = await FleetWithADocument();
        File.WriteAllText(Path.Combine(folder, "fw-7.job.json"), "an earlier backup");
        using var ps = PsSession.Start(sim);
        ps.SetVariable("folder", folder);

        var r = ps.Run("Remove-IotJob fw-7 -Force -BackupPath $folder");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal("an earlier backup", File.ReadAllText(Path.Combine(folder, "fw-7.job.json")));
        Assert.Single(Directory.GetFiles(folder, "fw-7.job.*.json"));
    }

    /// <summary>
    /// The file a prompt names is the file written, even when the name carries the time (an earlier backup of the
    /// same id) and the person answers later.
    /// </summary>
    [Fact]
    public async Task The_file_the_prompt_names_is_the_file_written()
    {
        await using var sim = await FleetWithADocument();
        File.WriteAllText(Path.Combine(folder, "fw-7.job.json"), "an earlier backup");
        using var ps = PsSession.Start(sim, "Y");
        ps.SetVariable("folder", folder);

        var r = ps.Run("Remove-IotJob fw-7 -BackupPath $folder");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        string written = Assert.Single(Directory.GetFiles(folder, "fw-7.job.*.json"));
        string prompt = Assert.Single(r.Prompts);
        Assert.EndsWith($", after backing it up to {written}?", prompt);
    }
}
