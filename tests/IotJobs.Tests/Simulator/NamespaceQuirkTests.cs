using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Simulator;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Simulator;

/// <summary>
/// Some other implementations of the API (moto, for one) ignore ListJobs' namespaceId filter. The simulator can
/// behave so on request, off by default, so the module can be tested against that behaviour; DescribeJob
/// reports each job's namespace either way.
/// </summary>
public sealed class NamespaceQuirkTests
{
    private static void Seed(IotJobsSimulator sim)
    {
        sim.Store.AddJob("gg-deploy", namespaceId: "aws-gg-deployment");
        sim.Store.AddJob("fw-7");
    }

    private static async Task<List<string?>> ListInNamespace(IotJobsClient client) =>
        (await client.ListJobsAsync(new ListJobsRequest { NamespaceId = "aws-gg-deployment" }))
            .Jobs.Select(j => j.JobId)
            .ToList();

    [Fact]
    public async Task By_default_ListJobs_keeps_to_the_namespace_asked_for()
    {
        await using var sim = await Sim.StartAsync();
        Seed(sim);
        using var client = Sim.Client(sim);

        Assert.Equal(["gg-deploy"], await ListInNamespace(client));
    }

    [Fact]
    public async Task Switched_on_from_the_control_plane_ListJobs_ignores_namespaceId_until_a_reset()
    {
        await using var sim = await Sim.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(sim.Endpoint, "_simulator/") };
        using var client = Sim.Client(sim);

        var on = await http.PostAsJsonAsync("quirks", new { listJobsIgnoresNamespaceId = true });
        Seed(sim);
        var listed = await ListInNamespace(client);
        var described = await client.DescribeJobAsync(new DescribeJobRequest { JobId = "gg-deploy" });
        var shown = JsonDocument.Parse(await http.GetStringAsync("quirks")).RootElement;
        await http.PostAsync("reset", null);
        Seed(sim);
        var afterReset = await ListInNamespace(client);

        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.Equal(["fw-7", "gg-deploy"], listed);
        Assert.Equal("aws-gg-deployment", described.Job!.NamespaceId);
        Assert.True(shown.GetProperty("listJobsIgnoresNamespaceId").GetBoolean());
        Assert.Equal(["gg-deploy"], afterReset);
    }

    [Fact]
    public async Task Switched_on_in_the_options_ListJobs_ignores_namespaceId()
    {
        await using var sim = await Sim.StartAsync(o => o.ListJobsIgnoresNamespaceId = true);
        Seed(sim);
        using var client = Sim.Client(sim);

        Assert.Equal(["fw-7", "gg-deploy"], await ListInNamespace(client));
    }

    [Fact]
    public async Task Switched_on_from_the_command_line_the_control_plane_says_so()
    {
        await using var simulator = await SimulatorProcess.StartAsync("--quirk", "list-jobs-ignores-namespace");

        using var answer = await simulator.ControlAsync(HttpMethod.Get, "quirks");
        var quirks = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;

        Assert.True(quirks.GetProperty("listJobsIgnoresNamespaceId").GetBoolean());
    }
}
