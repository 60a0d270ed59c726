using System.Text.Json;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Tests.Simulator;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Client;

/// <summary>
/// Each operation must put on the wire what the AWS CLI (botocore) sends for the same call. The
/// expected method, path, query and body of every row were captured from `aws iot ...` pointed at
/// a local listener.
/// </summary>
public sealed class WireTests
{
    public sealed record Row(
        string Name,
        Func<IIotJobsClient, Task> Call,
        string Method,
        string Path,
        string Query,
        string? Body
    )
    {
        public override string ToString() => Name;
    }

    private static readonly Row[] Rows =
    [
        new(
            "list-jobs --status IN_PROGRESS --max-results 5",
            c => c.ListJobsAsync(new ListJobsRequest { Status = "IN_PROGRESS", MaxResults = 5 }),
            "GET",
            "/jobs",
            "status=IN_PROGRESS&maxResults=5",
            null
        ),
        new(
            "list-jobs with every filter",
            c =>
                c.ListJobsAsync(
                    new ListJobsRequest
                    {
                        TargetSelection = "SNAPSHOT",
                        ThingGroupName = "g1",
                        ThingGroupId = "gid",
                        NamespaceId = "ns",
                        NextToken = "t",
                    }
                ),
            "GET",
            "/jobs",
            "targetSelection=SNAPSHOT&thingGroupName=g1&thingGroupId=gid&namespaceId=ns&nextToken=t",
            null
        ),
        new(
            "describe-job --job-id fw-1",
            c => c.DescribeJobAsync(new DescribeJobRequest { JobId = "fw-1" }),
            "GET",
            "/jobs/fw-1",
            "",
            null
        ),
        new(
            "get-job-document --job-id fw-1",
            c => c.GetJobDocumentAsync(new GetJobDocumentRequest { JobId = "fw-1" }),
            "GET",
            "/jobs/fw-1/job-document",
            "",
            null
        ),
        new(
            "get-job-document --job-id fw-1 --before-substitution",
            c => c.GetJobDocumentAsync(new GetJobDocumentRequest { JobId = "fw-1", BeforeSubstitution = true }),
            "GET",
            "/jobs/fw-1/job-document",
            "beforeSubstitution=true",
            null
        ),
        new(
            "cancel-job --job-id fw-1",
            c => c.CancelJobAsync(new CancelJobRequest { JobId = "fw-1" }),
            "PUT",
            "/jobs/fw-1/cancel",
            "",
            "{}"
        ),
        new(
            "cancel-job --force --reason-code ROLLBACK --comment 'bad build'",
            c =>
                c.CancelJobAsync(
                    new CancelJobRequest
                    {
                        JobId = "fw-1",
                        Force = true,
                        ReasonCode = "ROLLBACK",
                        Comment = "bad build",
                    }
                ),
            "PUT",
            "/jobs/fw-1/cancel",
            "force=true",
            """{"reasonCode": "ROLLBACK", "comment": "bad build"}"""
        ),
        new(
            "cancel-job --no-force",
            c => c.CancelJobAsync(new CancelJobRequest { JobId = "fw-1", Force = false }),
            "PUT",
            "/jobs/fw-1/cancel",
            "force=false",
            "{}"
        ),
        new(
            "delete-job --job-id fw-1",
            c => c.DeleteJobAsync(new DeleteJobRequest { JobId = "fw-1" }),
            "DELETE",
            "/jobs/fw-1",
            "",
            null
        ),
        new(
            "delete-job --force --namespace-id ns1",
            c =>
                c.DeleteJobAsync(
                    new DeleteJobRequest
                    {
                        JobId = "fw-1",
                        Force = true,
                        NamespaceId = "ns1",
                    }
                ),
            "DELETE",
            "/jobs/fw-1",
            "force=true&namespaceId=ns1",
            null
        ),
        new(
            "list-job-executions-for-job --status QUEUED --max-results 2 --next-token abc",
            c =>
                c.ListJobExecutionsForJobAsync(
                    new ListJobExecutionsForJobRequest
                    {
                        JobId = "fw-1",
                        Status = "QUEUED",
                        MaxResults = 2,
                        NextToken = "abc",
                    }
                ),
            "GET",
            "/jobs/fw-1/things",
            "status=QUEUED&maxResults=2&nextToken=abc",
            null
        ),
        new(
            "list-job-executions-for-thing --thing-name a:b --status QUEUED --namespace-id ns --job-id fw-1",
            c =>
                c.ListJobExecutionsForThingAsync(
                    new ListJobExecutionsForThingRequest
                    {
                        ThingName = "a:b",
                        Status = "QUEUED",
                        NamespaceId = "ns",
                        JobId = "fw-1",
                    }
                ),
            "GET",
            "/things/a%3Ab/jobs",
            "status=QUEUED&namespaceId=ns&jobId=fw-1",
            null
        ),
        new(
            "describe-job-execution --execution-number 3",
            c =>
                c.DescribeJobExecutionAsync(
                    new DescribeJobExecutionRequest
                    {
                        JobId = "fw-1",
                        ThingName = "a:b",
                        ExecutionNumber = 3,
                    }
                ),
            "GET",
            "/things/a%3Ab/jobs/fw-1",
            "executionNumber=3",
            null
        ),
        new(
            "cancel-job-execution",
            c => c.CancelJobExecutionAsync(new CancelJobExecutionRequest { JobId = "fw-1", ThingName = "a:b" }),
            "PUT",
            "/things/a%3Ab/jobs/fw-1/cancel",
            "",
            "{}"
        ),
        new(
            "cancel-job-execution --force --expected-version 4 --status-details k1=v1,k2=v2",
            c =>
                c.CancelJobExecutionAsync(
                    new CancelJobExecutionRequest
                    {
                        JobId = "fw-1",
                        ThingName = "a:b",
                        Force = true,
                        ExpectedVersion = 4,
                        StatusDetails = new Dictionary<string, string> { ["k1"] = "v1", ["k2"] = "v2" },
                    }
                ),
            "PUT",
            "/things/a%3Ab/jobs/fw-1/cancel",
            "force=true",
            """{"expectedVersion": 4, "statusDetails": {"k1": "v1", "k2": "v2"}}"""
        ),
        new(
            "delete-job-execution --execution-number 3 --force",
            c =>
                c.DeleteJobExecutionAsync(
                    new DeleteJobExecutionRequest
                    {
                        JobId = "fw-1",
                        ThingName = "a:b",
                        ExecutionNumber = 3,
                        Force = true,
                    }
                ),
            "DELETE",
            "/things/a%3Ab/jobs/fw-1/executionNumber/3",
            "force=true",
            null
        ),
        new(
            "delete-job-execution --no-force --namespace-id ns",
            c =>
                c.DeleteJobExecutionAsync(
                    new DeleteJobExecutionRequest
                    {
                        JobId = "fw-1",
                        ThingName = "a:b",
                        ExecutionNumber = 3,
                        Force = false,
                        NamespaceId = "ns",
                    }
                ),
            "DELETE",
            "/things/a%3Ab/jobs/fw-1/executionNumber/3",
            "force=false&namespaceId=ns",
            null
        ),
        new("list-things", c => c.ListThingsAsync(new ListThingsRequest()), "GET", "/things", "", null),
        new(
            "list-things --max-results 5 --next-token abc",
            c => c.ListThingsAsync(new ListThingsRequest { MaxResults = 5, NextToken = "abc" }),
            "GET",
            "/things",
            "nextToken=abc&maxResults=5",
            null
        ),
        new(
            "list-things --thing-type-name sensor --attribute-name color --attribute-value re "
                + "--use-prefix-attribute-value",
            c =>
                c.ListThingsAsync(
                    new ListThingsRequest
                    {
                        ThingTypeName = "sensor",
                        AttributeName = "color",
                        AttributeValue = "re",
                        UsePrefixAttributeValue = true,
                    }
                ),
            "GET",
            "/things",
            "attributeName=color&attributeValue=re&thingTypeName=sensor&usePrefixAttributeValue=true",
            null
        ),
    ];

    public static TheoryData<Row> Cases() => new(Rows);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_matches_the_AWS_CLI(Row row)
    {
        await using var sim = await Sim.StartAsync();
        using var client = Sim.Client(sim);

        // The simulator holds no job fw-1 and knows no token "abc", so most calls end in a
        // service error (never an auth error: see the last assertion); the wire is what counts.
        try
        {
            await row.Call(client);
        }
        catch (IotJobsServiceException) { }

        var sent = Assert.Single(sim.Requests);
        Assert.Equal(row.Method, sent.Method);
        Assert.Equal(row.Path, sent.RawPath);
        Assert.Equal(Pairs(row.Query), Pairs(sent.RawQuery));
        if (row.Body is null)
        {
            Assert.Equal("", sent.Body);
        }
        else
        {
            Assert.Equal(Canonical(row.Body), Canonical(sent.Body));
            Assert.Equal("application/json", sent.Headers["content-type"]);
        }
        Assert.Contains("/us-east-1/iot/aws4_request", sent.Headers["authorization"]);
        Assert.NotEqual(403, sent.Status);
    }

    [Fact]
    public void Every_operation_of_the_client_has_a_wire_row()
    {
        var operations = typeof(IIotJobsClient)
            .GetMethods()
            .Where(m => m.Name.EndsWith("Async") && m.Name != nameof(IIotJobsClient.GetCallerAccountAsync))
            .Select(m => m.Name[..^"Async".Length])
            .Order()
            .ToArray();
        // Each row is named after the CLI command it reproduces: list-jobs -> ListJobs.
        var covered = Rows.Select(r =>
                string.Concat(r.Name.Split(' ')[0].Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]))
            )
            .Distinct()
            .Order()
            .ToArray();
        Assert.Equal(11, operations.Length);
        Assert.Equal(operations, covered);
    }

    /// <summary>
    /// The rows were captured once; this one is asked of the aws CLI each run: ListThings, the one operation that is
    /// not the Jobs API's, put on the wire by botocore and by the client, to the same simulator.
    /// </summary>
    [Fact]
    public async Task ListThings_sends_what_the_aws_CLI_sends_now()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddThing("sensor-1");
        using var client = Sim.Client(sim);

        var cli = await AwsCli.IotAsync(sim, "list-things", "--max-results", "7");
        await client.ListThingsAsync(new ListThingsRequest { MaxResults = 7 });

        Assert.True(cli.ExitCode == 0, cli.Errors);
        Assert.Equal(2, sim.Requests.Count);
        var (fromCli, fromClient) = (sim.Requests[0], sim.Requests[1]);
        Assert.Equal((fromCli.Method, fromCli.RawPath), (fromClient.Method, fromClient.RawPath));
        Assert.Equal(Pairs(fromCli.RawQuery), Pairs(fromClient.RawQuery));
        Assert.Equal(fromCli.Body, fromClient.Body);
        Assert.All(sim.Requests, r => Assert.Equal((200, "ListThings"), (r.Status, r.Operation)));
    }

    [Fact]
    public async Task The_callers_account_is_asked_of_STS_as_the_AWS_CLI_asks_it_and_once_per_client()
    {
        await using var sim = await Sim.StartAsync(o => o.AccountId = "111122223333");
        using var client = Sim.Client(sim);

        Assert.Equal("111122223333", await client.GetCallerAccountAsync());
        Assert.Equal("111122223333", await client.GetCallerAccountAsync());

        // `aws sts get-caller-identity` sends exactly this form.
        var sent = Assert.Single(sim.Requests);
        Assert.Equal(
            ("POST", "/", "Action=GetCallerIdentity&Version=2011-06-15"),
            (sent.Method, sent.RawPath, sent.Body)
        );
        Assert.StartsWith("application/x-www-form-urlencoded", sent.Headers["content-type"]);
        Assert.Contains("/us-east-1/sts/aws4_request", sent.Headers["authorization"]);
    }

    private static string[] Pairs(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();

    private static string Canonical(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
