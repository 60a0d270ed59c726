using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IotJobs.Simulator;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Simulator;

/// <summary>
/// ListThings (GET /things) as the simulator serves it, driven by the aws CLI (botocore's own wire and signature):
/// the things it knows are those seeded, those with an execution and those a job targets, each account its own,
/// paged like the other listings.
/// </summary>
public sealed class ThingRegistryTests
{
    private static string[] Names(CliResult cli) =>
        cli.Json()
            .GetProperty("things")
            .EnumerateArray()
            .Select(t => t.GetProperty("thingName").GetString()!)
            .ToArray();

    [Fact]
    public async Task The_aws_CLI_lists_the_things_seeded_running_a_job_or_targeted_page_by_page()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddThing("spare-1");
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "sensor:2");
        sim.Store.AddExecution("j", "sensor-1");
        var created = await AwsCli.IotAsync(
            sim,
            "create-job",
            "--job-id",
            "later",
            "--targets",
            sim.Store.ThingArn("gateway"),
            "--document",
            "{}"
        );
        Assert.True(created.ExitCode == 0, created.Errors);
        sim.ClearRequests();

        // --page-size is the CLI's maxResults: it follows nextToken itself, one request per page.
        var cli = await AwsCli.IotAsync(sim, "list-things", "--page-size", "2");

        Assert.True(cli.ExitCode == 0, cli.Errors);
        Assert.Equal(["gateway", "sensor-1", "sensor:2", "spare-1"], Names(cli));
        var thing = cli.Json().GetProperty("things")[2];
        Assert.Equal(sim.Store.ThingArn("sensor:2"), thing.GetProperty("thingArn").GetString());
        Assert.Equal(JsonValueKind.Object, thing.GetProperty("attributes").ValueKind);
        Assert.Equal(1, thing.GetProperty("version").GetInt64());
        Assert.Equal(2, sim.Requests.Count);
        Assert.All(sim.Requests, r =>
            Assert.Equal(("ListThings", 200, "2"), (r.Operation, r.Status, r.QueryValue("maxResults")))
        );
        Assert.Null(sim.Requests[0].QueryValue("nextToken"));
        Assert.NotNull(sim.Requests[1].QueryValue("nextToken"));
    }

    [Fact]
    public async Task Each_account_lists_its_own_things()
    {
        await using var sim = await Sim.StartAsync(o =>
            o.Credentials["AKIAOTHERACCOUNT"] = new SimulatorCredential("other-secret", AccountId: "444455556666")
        );
        sim.Store.AddThing("mine");
        sim.StoreFor("444455556666").AddThing("theirs");

        var other = await AwsCli.IotAsync(sim, ("AKIAOTHERACCOUNT", "other-secret"), "list-things");

        Assert.True(other.ExitCode == 0, other.Errors);
        Assert.Equal(["theirs"], Names(other));
    }

    [Fact]
    public async Task An_unsigned_listing_is_refused_and_a_filter_is_honoured_by_matching_none()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddThing("spare-1");
        using var http = new HttpClient();

        using var unsigned = await http.GetAsync(new Uri(sim.Endpoint, "things"));
        var typed = await AwsCli.IotAsync(sim, "list-things", "--thing-type-name", "Sensor");
        var tooMany = await AwsCli.IotAsync(sim, "list-things", "--max-results", "251");

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.True(typed.ExitCode == 0, typed.Errors);
        Assert.Empty(Names(typed));
        Assert.NotEqual(0, tooMany.ExitCode);
        Assert.Equal("InvalidRequestException", sim.Requests[^1].ErrorType);
    }

    [Fact]
    public async Task Another_process_seeds_things_through_the_control_plane()
    {
        await using var sim = await Sim.StartAsync();
        using var http = new HttpClient();

        using var seeded = await http.PostAsJsonAsync(
            new Uri(sim.Endpoint, "_simulator/things"),
            new { things = new[] { "sensor-9", "gateway:eu-2" } }
        );
        using var refused = await http.PostAsJsonAsync(
            new Uri(sim.Endpoint, "_simulator/things"),
            new { things = new[] { "not a thing name" } }
        );
        var cli = await AwsCli.IotAsync(sim, "list-things");

        Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("thingName", await refused.Content.ReadAsStringAsync());
        Assert.Equal(["gateway:eu-2", "sensor-9"], Names(cli));
    }
}
