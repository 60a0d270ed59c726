using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Simulator;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Client;

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>
/// Credentials, region and endpoint from the standard AWS chain, with no explicit settings.
/// These tests change process environment variables, so they run alone.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class ConnectionChainTests : IDisposable
{
    private static readonly string[] Variables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE",
        "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_IOT",
    ];

    private readonly Dictionary<string, string?> saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
    private readonly string folder = TestProcessSetup.SharedFilesFolder;

    public ConnectionChainTests()
    {
        foreach (var v in Variables) Environment.SetEnvironmentVariable(v, null);
    }

    public void Dispose()
    {
        foreach (var (k, v) in saved) Environment.SetEnvironmentVariable(k, v);
        File.WriteAllText(TestProcessSetup.CredentialsFile, "");
        File.WriteAllText(TestProcessSetup.ConfigFile, "");
    }

    [Fact]
    public async Task Environment_keys_region_and_AWS_ENDPOINT_URL_IOT()
    {
        await using var sim = await Sim.StartAsync(o => o.Region = "eu-west-1");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", SimulatorOptions.DefaultAccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SimulatorOptions.DefaultSecretAccessKey);
        Environment.SetEnvironmentVariable("AWS_REGION", "eu-west-1");
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_IOT", sim.Endpoint.ToString());
        using var client = new IotJobsConnection().CreateClient();

        await client.ListJobsAsync(new ListJobsRequest());

        var sent = Assert.Single(sim.Requests);
        Assert.Contains($"Credential={SimulatorOptions.DefaultAccessKeyId}/", sent.Headers["authorization"]);
        Assert.Contains("/eu-west-1/iot/aws4_request", sent.Headers["authorization"]);
    }

    [Fact]
    public async Task Named_profile_from_the_shared_files_gives_keys_and_region()
    {
        await using var sim = await Sim.StartAsync(o => o.Region = "ap-southeast-2");
        File.WriteAllText(TestProcessSetup.CredentialsFile,
            $"[fleet]\naws_access_key_id = {SimulatorOptions.DefaultAccessKeyId}\naws_secret_access_key = {SimulatorOptions.DefaultSecretAccessKey}\n");
        File.WriteAllText(TestProcessSetup.ConfigFile, "[profile fleet]\nregion = ap-southeast-2\n");
        using var client = new IotJobsConnection { ProfileName = "fleet", EndpointUrl = sim.Endpoint.ToString() }.CreateClient();

        await client.ListJobsAsync(new ListJobsRequest());

        Assert.Contains("/ap-southeast-2/iot/aws4_request", Assert.Single(sim.Requests).Headers["authorization"]);
    }

    [Fact]
    public async Task Credential_process_profile()
    {
        await using var sim = await Sim.StartAsync(o => o.Credentials["ASIAPROCESS"] = new SimulatorCredential("process-secret", "process-token"));
        string script = Path.Combine(folder, "creds.sh");
        File.WriteAllText(script,
            "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"ASIAPROCESS\", \"SecretAccessKey\": \"process-secret\", \"SessionToken\": \"process-token\"}'\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(TestProcessSetup.ConfigFile, $"[profile proc]\nregion = us-east-1\ncredential_process = {script}\n");
        using var client = new IotJobsConnection { ProfileName = "proc", EndpointUrl = sim.Endpoint.ToString() }.CreateClient();

        await client.ListJobsAsync(new ListJobsRequest());

        var sent = Assert.Single(sim.Requests);
        Assert.Equal(200, sent.Status);
        Assert.Equal("process-token", sent.Headers["x-amz-security-token"]);
    }

    [Fact]
    public void Unknown_profile_is_refused_before_any_request()
    {
        var e = Assert.Throws<ArgumentException>(() => new IotJobsConnection { ProfileName = "nope" }.CreateClient());

        Assert.Contains("'nope'", e.Message);
    }

    [Fact]
    public void Endpoint_that_is_not_an_http_url_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new IotJobsConnection { EndpointUrl = "ftp://example", Region = "us-east-1" }.CreateClient());

        Assert.Contains("ftp://example", e.Message);
    }
}
