using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Client;

public sealed class ResponseMappingTests
{
    // Near the real time, which the SDK signs with; whole milliseconds, the wire's precision.
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(
        DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1
    );

    [Fact]
    public async Task DescribeJob_maps_fields_timestamps_and_process_details()
    {
        await using var sim = await Sim.StartAsync(o => o.Clock = new ManualClock(T0));
        sim.Store.AddJob("fw-7", "IN_PROGRESS", "CONTINUOUS", namespaceId: "ns", description: "Firmware 7");
        sim.Store.AddExecution("fw-7", "t1", "QUEUED");
        sim.Store.AddExecution("fw-7", "t2", "IN_PROGRESS");
        sim.Store.AddExecution("fw-7", "t3", "IN_PROGRESS");
        sim.Store.AddExecution("fw-7", "t4", "SUCCEEDED");
        using var client = Sim.Client(sim);

        var job = (await client.DescribeJobAsync(new DescribeJobRequest { JobId = "fw-7" })).Job!;

        Assert.Equal("fw-7", job.JobId);
        Assert.Equal("arn:aws:iot:us-east-1:123456789012:job/fw-7", job.JobArn);
        Assert.Equal("IN_PROGRESS", job.Status);
        Assert.Equal("CONTINUOUS", job.TargetSelection);
        Assert.Equal("Firmware 7", job.Description);
        Assert.Equal("ns", job.NamespaceId);
        Assert.False(job.ForceCanceled);
        Assert.Equal(T0.UtcDateTime, job.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, job.CreatedAt!.Value.Kind);
        Assert.Null(job.CompletedAt);
        Assert.Equal(4, job.Targets.Count);
        var details = job.JobProcessDetails!;
        Assert.Equal(1, details.NumberOfQueuedThings);
        Assert.Equal(2, details.NumberOfInProgressThings);
        Assert.Equal(1, details.NumberOfSucceededThings);
        Assert.Equal(0, details.NumberOfCanceledThings);
    }

    [Fact]
    public async Task ListJobs_maps_summaries()
    {
        await using var sim = await Sim.StartAsync(o => o.Clock = new ManualClock(T0));
        sim.Store.AddJob("a-1", "CANCELED", thingGroupName: "g");
        using var client = Sim.Client(sim);

        var summary = Assert.Single((await client.ListJobsAsync(new ListJobsRequest())).Jobs);

        Assert.Equal("a-1", summary.JobId);
        Assert.Equal("CANCELED", summary.Status);
        Assert.Equal("SNAPSHOT", summary.TargetSelection);
        Assert.Equal("tg-g", summary.ThingGroupId);
        Assert.Equal(T0.UtcDateTime, summary.CompletedAt);
        Assert.False(summary.IsConcurrent);
    }

    [Fact]
    public async Task Executions_for_a_job_take_the_thing_name_from_the_thing_arn()
    {
        await using var sim = await Sim.StartAsync(o => o.Clock = new ManualClock(T0));
        sim.Store.AddJob("j");
        var added = sim.Store.AddExecution("j", "gateway:eu-1", "QUEUED");
        using var client = Sim.Client(sim);

        var summary = Assert.Single(
            (
                await client.ListJobExecutionsForJobAsync(new ListJobExecutionsForJobRequest { JobId = "j" })
            ).ExecutionSummaries
        );

        Assert.Equal("arn:aws:iot:us-east-1:123456789012:thing/gateway:eu-1", summary.ThingArn);
        Assert.Equal("gateway:eu-1", summary.ThingName);
        Assert.Equal("QUEUED", summary.JobExecutionSummary!.Status);
        Assert.Equal(added.ExecutionNumber, summary.JobExecutionSummary.ExecutionNumber);
        Assert.Equal(T0.UtcDateTime, summary.JobExecutionSummary.QueuedAt);
        Assert.Null(summary.JobExecutionSummary.StartedAt);
    }

    [Fact]
    public async Task ListThings_maps_each_thing_of_the_registry()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddThing("spare:1");
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "sensor-1");
        using var client = Sim.Client(sim);

        var page = await client.ListThingsAsync(new ListThingsRequest());

        Assert.Null(page.NextToken);
        Assert.Equal(["sensor-1", "spare:1"], page.Things.Select(t => t.ThingName));
        var spare = page.Things[1];
        Assert.Equal("arn:aws:iot:us-east-1:123456789012:thing/spare:1", spare.ThingArn);
        Assert.Equal(1, spare.Version);
        Assert.Empty(spare.Attributes);
        Assert.Null(spare.ThingTypeName);
    }

    /// <summary>
    /// What the simulator never sends (its things have no type and no attributes), as the model has it.
    /// </summary>
    [Fact]
    public async Task ListThings_maps_type_attributes_version_and_the_next_token()
    {
        const string answer = """
            {"things":[{"thingName":"sensor-7","thingTypeName":"Sensor",
            "thingArn":"arn:aws:iot:us-east-1:1:thing/sensor-7",
            "attributes":{"color":"red","site":"Graz"},"version":12},{"thingName":"bare"}],"nextToken":"page-2"}
            """;
        using var listener = new CannedHttpListener(System.Net.IPAddress.Loopback, answer.ReplaceLineEndings(""));
        using var client = new IotJobsConnection
        {
            EndpointUrl = listener.Url,
            Region = "us-east-1",
            Credentials = Sim.Credentials,
        }.CreateClient();

        var page = await client.ListThingsAsync(new ListThingsRequest { MaxResults = 2 });

        Assert.Equal("page-2", page.NextToken);
        var (typed, bare) = (page.Things[0], page.Things[1]);
        Assert.Equal(
            ("sensor-7", "Sensor", "arn:aws:iot:us-east-1:1:thing/sensor-7", 12L),
            (typed.ThingName, typed.ThingTypeName, typed.ThingArn, typed.Version!.Value)
        );
        Assert.Equal(new Dictionary<string, string> { ["color"] = "red", ["site"] = "Graz" }, typed.Attributes);
        Assert.Equal(("bare", null, null), (bare.ThingName, bare.ThingArn, bare.Version));
        Assert.Empty(bare.Attributes);
        Assert.Equal("GET /things?maxResults=2 HTTP/1.1", Assert.Single(listener.RequestLines));
    }

    [Fact]
    public async Task Executions_for_a_thing_carry_the_job_id()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j1");
        sim.Store.AddJob("j2");
        sim.Store.AddExecution("j1", "t", "QUEUED");
        sim.Store.AddExecution("j2", "t", "FAILED");
        using var client = Sim.Client(sim);

        var list = (
            await client.ListJobExecutionsForThingAsync(new ListJobExecutionsForThingRequest { ThingName = "t" })
        ).ExecutionSummaries;

        Assert.Equal(["j1", "j2"], list.Select(s => s.JobId));
        Assert.Equal(["QUEUED", "FAILED"], list.Select(s => s.JobExecutionSummary!.Status));
    }

    [Fact]
    public async Task DescribeJobExecution_maps_status_details_and_versions()
    {
        await using var sim = await Sim.StartAsync(o => o.Clock = new ManualClock(T0));
        sim.Store.AddJob("j");
        var added = sim.Store.AddExecution("j", "t:1", "IN_PROGRESS", versionNumber: 4);
        using var client = Sim.Client(sim);
        await client.CancelJobExecutionAsync(
            new CancelJobExecutionRequest
            {
                JobId = "j",
                ThingName = "t:1",
                Force = true,
                StatusDetails = new() { ["reason"] = "rollback" },
            }
        );

        var e = (
            await client.DescribeJobExecutionAsync(new DescribeJobExecutionRequest { JobId = "j", ThingName = "t:1" })
        ).Execution!;

        Assert.Equal("CANCELED", e.Status);
        Assert.True(e.ForceCanceled);
        Assert.Equal(5, e.VersionNumber);
        Assert.Equal(added.ExecutionNumber, e.ExecutionNumber);
        Assert.Equal("t:1", e.ThingName);
        Assert.Equal("rollback", e.StatusDetails!.DetailsMap["reason"]);
        Assert.Equal(T0.UtcDateTime, e.StartedAt);
    }

    [Fact]
    public async Task CancelJob_returns_the_job_identity()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", description: "d");
        using var client = Sim.Client(sim);

        var answer = await client.CancelJobAsync(new CancelJobRequest { JobId = "j" });

        Assert.Equal("j", answer.JobId);
        Assert.Equal("arn:aws:iot:us-east-1:123456789012:job/j", answer.JobArn);
        Assert.Equal("d", answer.Description);
    }

    [Fact]
    public async Task DescribeJob_keeps_every_field_of_the_model_and_the_answer_as_sent()
    {
        await using var sim = await Sim.StartAsync(o => o.RecordResponseBodies = true);
        sim.Store.AddJob(
            "fw-8",
            "SCHEDULED",
            details: new Dictionary<string, string>
            {
                ["isConcurrent"] = "true",
                ["jobTemplateArn"] = "\"arn:aws:iot:us-east-1:123456789012:jobtemplate/fw\"",
                ["abortConfig"] =
                    """{"criteriaList":[{"failureType":"FAILED","action":"CANCEL","thresholdPercentage":10,"""
                    + """ "minNumberOfExecutedThings":5}]}""",
                ["timeoutConfig"] = """{"inProgressTimeoutInMinutes":60}""",
                ["jobExecutionsRetryConfig"] = """{"criteriaList":[{"failureType":"ALL","numberOfRetries":3}]}""",
                ["jobExecutionsRolloutConfig"] = """{"maximumPerMinute":50}""",
                ["presignedUrlConfig"] = """{"roleArn":"arn:aws:iam::123456789012:role/fw","expiresInSec":3600}""",
                ["schedulingConfig"] = """{"startTime":"2026-12-24T00:00","endBehavior":"STOP_ROLLOUT"}""",
                ["scheduledJobRollouts"] = """[{"startTime":"2026-12-24T00:00"}]""",
                ["documentParameters"] = """{"build":"8"}""",
                ["destinationPackageVersions"] = """["arn:aws:iot:us-east-1:123456789012:package/fw/version/8"]""",
            }
        );
        using var client = Sim.Client(sim);

        var answer = await client.DescribeJobAsync(new DescribeJobRequest { JobId = "fw-8" });
        var document = await client.GetJobDocumentAsync(new GetJobDocumentRequest { JobId = "fw-8" });

        var job = answer.Job!;
        Assert.True(job.IsConcurrent);
        Assert.Equal("arn:aws:iot:us-east-1:123456789012:jobtemplate/fw", job.JobTemplateArn);
        Assert.Equal("""{"inProgressTimeoutInMinutes":60}""", job.TimeoutConfig);
        Assert.Equal("""{"maximumPerMinute":50}""", job.JobExecutionsRolloutConfig);
        Assert.Contains("thresholdPercentage", job.AbortConfig);
        Assert.Contains("numberOfRetries", job.JobExecutionsRetryConfig);
        Assert.Contains("expiresInSec", job.PresignedUrlConfig);
        Assert.Contains("STOP_ROLLOUT", job.SchedulingConfig);
        Assert.Equal("""[{"startTime":"2026-12-24T00:00"}]""", job.ScheduledJobRollouts);
        Assert.Equal("8", job.DocumentParameters["build"]);
        Assert.Equal(["arn:aws:iot:us-east-1:123456789012:package/fw/version/8"], job.DestinationPackageVersions);
        Assert.Equal(sim.Requests[0].ResponseBody, answer.RawJson);
        Assert.Equal("""{"operation":"install","job":"fw-8"}""", document.Document);
        Assert.Equal(sim.Requests[1].ResponseBody, document.RawJson);
    }
}
