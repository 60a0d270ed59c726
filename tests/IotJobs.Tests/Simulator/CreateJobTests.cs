using System.Globalization;
using System.Text.Json;
using IotJobs.Client.Model;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Simulator;

/// <summary>
/// CreateJob (PUT /jobs/{jobId}) as the service serves it, driven by the aws CLI: the module's client has no
/// CreateJob, and the CLI is what the documentation tells users to create a job again with.
/// </summary>
public sealed class CreateJobTests
{
    private const string Document = """{"operation":"install","firmware":"4.2.1"}""";

    [Fact]
    public async Task The_aws_CLI_creates_a_job_whose_things_each_get_a_QUEUED_execution()
    {
        await using var sim = await Sim.StartAsync();
        string[] things = [sim.Store.ThingArn("sensor-1"), sim.Store.ThingArn("gateway:eu-1")];

        var cli = await AwsCli.IotAsync(
            sim,
            [
                "create-job",
                "--job-id",
                "fw-9",
                "--targets",
                .. things,
                "--document",
                Document,
                "--description",
                "Firmware 4.2.1",
            ]
        );

        Assert.True(cli.ExitCode == 0, cli.Errors);
        var answer = cli.Json();
        Assert.Equal(sim.Store.Arn("job/fw-9"), answer.GetProperty("jobArn").GetString());
        Assert.Equal("fw-9", answer.GetProperty("jobId").GetString());
        Assert.Equal("Firmware 4.2.1", answer.GetProperty("description").GetString());
        using var client = Sim.Client(sim);
        var job = (await client.DescribeJobAsync(new DescribeJobRequest { JobId = "fw-9" })).Job!;
        Assert.Equal(("IN_PROGRESS", "SNAPSHOT"), (job.Status, job.TargetSelection));
        Assert.Equal(things, job.Targets);
        Assert.Equal(2, job.JobProcessDetails!.NumberOfQueuedThings);
        var document = await client.GetJobDocumentAsync(new GetJobDocumentRequest { JobId = "fw-9" });
        Assert.Equal(Document, document.Document);
        Assert.Equal("QUEUED", sim.Store.FindExecution("fw-9", "gateway:eu-1")!.Status);
    }

    [Fact]
    public async Task A_thing_group_target_makes_a_continuous_group_job_that_ListJobs_finds_by_group()
    {
        await using var sim = await Sim.StartAsync();
        string group = sim.Store.Arn("thinggroup/eu-sensors");

        var cli = await AwsCli.IotAsync(
            sim,
            [
                "create-job",
                "--job-id",
                "hotfix",
                "--targets",
                group,
                "--document",
                Document,
                "--target-selection",
                "CONTINUOUS",
            ]
        );

        Assert.True(cli.ExitCode == 0, cli.Errors);
        using var client = Sim.Client(sim);
        var listed = await client.ListJobsAsync(new ListJobsRequest { ThingGroupName = "eu-sensors" });
        Assert.Equal(("hotfix", "CONTINUOUS"), (listed.Jobs.Single().JobId, listed.Jobs.Single().TargetSelection));
        var job = (await client.DescribeJobAsync(new DescribeJobRequest { JobId = "hotfix" })).Job!;
        Assert.Equal([group], job.Targets);
    }

    [Fact]
    public async Task An_existing_job_id_is_refused_with_ResourceAlreadyExistsException_409()
    {
        await using var sim = await Sim.StartAsync(o => o.RecordResponseBodies = true);
        sim.Store.AddJob("fw-7", "CANCELED", description: "the first");

        var cli = await AwsCli.IotAsync(
            sim,
            ["create-job", "--job-id", "fw-7", "--targets", sim.Store.ThingArn("t"), "--document", Document]
        );

        Assert.NotEqual(0, cli.ExitCode);
        Assert.Contains("(ResourceAlreadyExistsException) when calling the CreateJob operation", cli.Errors);
        var answered = sim.Requests.Single(r => r.Operation == "CreateJob");
        Assert.Equal(409, answered.Status);
        using var body = JsonDocument.Parse(answered.ResponseBody);
        Assert.Equal("fw-7", body.RootElement.GetProperty("resourceId").GetString());
        Assert.Equal(sim.Store.Arn("job/fw-7"), body.RootElement.GetProperty("resourceArn").GetString());
        Assert.Equal(
            ("CANCELED", "the first"),
            (sim.Store.FindJob("fw-7")!.Status, sim.Store.FindJob("fw-7")!.Description)
        );
    }

    [Fact]
    public async Task A_document_of_32_KB_is_taken_and_a_longer_one_refused()
    {
        await using var sim = await Sim.StartAsync();
        string Sized(int length) => "{\"pad\":\"" + new string('x', length - 10) + "\"}";

        var longest = await AwsCli.IotAsync(sim, Create("at-limit", "--document", Sized(32768)));
        var over = await AwsCli.IotAsync(sim, Create("over-limit", "--document", Sized(32769)));

        Assert.True(longest.ExitCode == 0, longest.Errors);
        Assert.NotEqual(0, over.ExitCode);
        Assert.Contains("(InvalidRequestException)", over.Errors);
        Assert.Contains("Member must have length less than or equal to 32768", over.Errors);
        Assert.Null(sim.Store.FindJob("over-limit"));
    }

    [Theory]
    [InlineData(
        "--document|{}|--target-selection|SOMETIMES",
        "Member must satisfy enum value set: [CONTINUOUS, SNAPSHOT]"
    )]
    [InlineData("--description|no document", "document or documentSource")]
    [InlineData("--document|not json", "document")]
    [InlineData("--document|{}|--targets|sensor-1", "sensor-1")]
    [InlineData("--document|{}|--targets|arn:aws:iot:us-east-1:999999999999:thing/t", "999999999999")]
    [InlineData(
        "--document|{}|--job-executions-retry-config|criteriaList=[{failureType=FAILED,numberOfRetries=11}]",
        "at 'jobExecutionsRetryConfig.criteriaList.1.member.numberOfRetries' failed to satisfy constraint: "
            + "Member must have value less than or equal to 10"
    )]
    [InlineData("--document|{}|--document-parameters|version=4.2", "jobTemplateArn")]
    public async Task What_the_service_refuses_is_an_InvalidRequestException_that_says_why(string args, string why)
    {
        await using var sim = await Sim.StartAsync();

        var cli = await AwsCli.IotAsync(sim, Create("j", args.Split('|')));

        Assert.NotEqual(0, cli.ExitCode);
        Assert.Contains("(InvalidRequestException) when calling the CreateJob operation", cli.Errors);
        Assert.Contains(why, cli.Errors);
        Assert.Null(sim.Store.FindJob("j"));
    }

    [Fact]
    public async Task Every_member_of_the_request_the_job_has_is_kept_and_DescribeJob_answers_it()
    {
        await using var sim = await Sim.StartAsync(o => o.RecordResponseBodies = true);
        string start = Minutes(sim, 120),
            end = Minutes(sim, 24 * 60);
        string request = $$"""
            {
              "jobId": "full", "targets": ["{{sim.Store.ThingArn("t")}}"], "document": "{}",
              "description": "every member", "targetSelection": "SNAPSHOT", "namespaceId": "ops",
              "presignedUrlConfig": {"roleArn": "arn:aws:iam::123456789012:role/jobs", "expiresInSec": 600},
              "jobExecutionsRolloutConfig": {"maximumPerMinute": 50, "exponentialRate": {"baseRatePerMinute": 5,
                "incrementFactor": 1.5, "rateIncreaseCriteria": {"numberOfNotifiedThings": 10} } },
              "abortConfig": {"criteriaList": [{"failureType": "FAILED", "action": "CANCEL",
                "thresholdPercentage": 20.0, "minNumberOfExecutedThings": 10}] },
              "timeoutConfig": {"inProgressTimeoutInMinutes": 60},
              "jobExecutionsRetryConfig": {"criteriaList": [{"failureType": "TIMED_OUT", "numberOfRetries": 2}] },
              "jobTemplateArn": "arn:aws:iot:us-east-1::jobtemplate/AWS-Download-File:1.0",
              "documentParameters": {"downloadUrl": "https://example.com/fw.bin", "filePath": "/tmp/fw.bin"},
              "schedulingConfig": {"startTime": "{{start}}", "endTime": "{{end}}", "endBehavior": "CANCEL",
                "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 120}] },
              "destinationPackageVersions": ["arn:aws:iot:us-east-1:123456789012:package/fw/version/4.2.1"],
              "tags": [{"Key": "team", "Value": "fleet"}]
            }
            """;

        var cli = await AwsCli.IotAsync(sim, "create-job", "--cli-input-json", request);

        Assert.True(cli.ExitCode == 0, cli.Errors);
        using var client = Sim.Client(sim);
        await client.DescribeJobAsync(new DescribeJobRequest { JobId = "full" });
        using var sent = JsonDocument.Parse(request);
        using var answered = JsonDocument.Parse(sim.Requests.Last(r => r.Operation == "DescribeJob").ResponseBody);
        var job = answered.RootElement.GetProperty("job");
        foreach (var member in sent.RootElement.EnumerateObject().Where(m => m.Name is not ("document" or "tags")))
            Assert.True(
                JsonElement.DeepEquals(member.Value, job.GetProperty(member.Name)),
                $"{member.Name}: sent {member.Value}, answered {job.GetProperty(member.Name)}"
            );
        Assert.False(answered.RootElement.TryGetProperty("documentSource", out _));
    }

    [Fact]
    public async Task A_job_whose_document_is_in_S3_keeps_the_link_and_has_no_document_of_its_own()
    {
        await using var sim = await Sim.StartAsync();
        const string link = "https://s3.amazonaws.com/fleet-jobs/fw-4.2.1.json";

        var cli = await AwsCli.IotAsync(sim, Create("from-s3", "--document-source", link));

        Assert.True(cli.ExitCode == 0, cli.Errors);
        using var client = Sim.Client(sim);
        var described = await client.DescribeJobAsync(new DescribeJobRequest { JobId = "from-s3" });
        var document = await client.GetJobDocumentAsync(new GetJobDocumentRequest { JobId = "from-s3" });
        Assert.Equal(link, described.DocumentSource);
        Assert.Null(document.Document);
    }

    [Fact]
    public async Task A_startTime_ahead_makes_the_job_SCHEDULED_until_then_and_one_too_soon_is_refused()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var sim = await Sim.StartAsync(o => o.Clock = clock);

        var later = await AwsCli.IotAsync(
            sim,
            Create("nightly", "--document", "{}", "--scheduling-config", $"startTime={Minutes(sim, 60)}")
        );
        var soon = await AwsCli.IotAsync(
            sim,
            Create("soon", "--document", "{}", "--scheduling-config", $"startTime={Minutes(sim, 10)}")
        );

        Assert.True(later.ExitCode == 0, later.Errors);
        Assert.Contains("(InvalidRequestException)", soon.Errors);
        Assert.Equal("SCHEDULED", sim.Store.FindJob("nightly")!.Status);
        Assert.Null(sim.Store.FindExecution("nightly", "t"));
        clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal("IN_PROGRESS", sim.Store.FindJob("nightly")!.Status);
        Assert.Equal("QUEUED", sim.Store.FindExecution("nightly", "t")!.Status);
    }

    /// <summary>create-job of JOB on thing t, with the other arguments given.</summary>
    private static string[] Create(string jobId, params string[] args)
    {
        var all = new List<string> { "create-job", "--job-id", jobId };
        if (!args.Contains("--targets"))
            all.AddRange(["--targets", "arn:aws:iot:us-east-1:123456789012:thing/t"]);
        all.AddRange(args);
        return [.. all];
    }

    /// <summary>
    /// A time the given minutes from the simulator's now (or a little later: whole minutes), as schedulingConfig
    /// takes it.
    /// </summary>
    private static string Minutes(IotJobs.Simulator.IotJobsSimulator sim, int minutes) =>
        sim.Store.Now.AddMinutes(minutes + 1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
