using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Simulator;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Client;

/// <summary>
/// Credentials, region and endpoint from the standard AWS chain, with no explicit settings.
/// These tests change process environment variables, so they run alone.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class ConnectionChainTests : IDisposable
{
    private static readonly string[] Variables =
    [
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_REGION",
        "AWS_DEFAULT_REGION",
        "AWS_PROFILE",
        "AWS_ENDPOINT_URL",
        "AWS_ENDPOINT_URL_IOT",
        "AWS_ENDPOINT_URL_STS",
        "AWS_ENDPOINT_URL_SSO",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "HOME",
        "AWS_EC2_METADATA_DISABLED",
        "AWS_EC2_METADATA_SERVICE_ENDPOINT",
    ];

    private readonly Dictionary<string, string?> saved = Variables.ToDictionary(
        v => v,
        Environment.GetEnvironmentVariable
    );
    private readonly string folder = TestProcessSetup.SharedFilesFolder;

    public ConnectionChainTests()
    {
        foreach (var v in Variables)
            Environment.SetEnvironmentVariable(v, null);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        // The SDK keeps the first region it resolves for the life of the process; each test here starts afresh.
        Amazon.Runtime.FallbackRegionFactory.Reset();
    }

    public void Dispose()
    {
        foreach (var (k, v) in saved)
            Environment.SetEnvironmentVariable(k, v);
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
        File.WriteAllText(
            TestProcessSetup.CredentialsFile,
            $"[fleet]\naws_access_key_id = {SimulatorOptions.DefaultAccessKeyId}\n"
                + $"aws_secret_access_key = {SimulatorOptions.DefaultSecretAccessKey}\n"
        );
        File.WriteAllText(TestProcessSetup.ConfigFile, "[profile fleet]\nregion = ap-southeast-2\n");
        using var client = new IotJobsConnection
        {
            ProfileName = "fleet",
            EndpointUrl = sim.Endpoint.ToString(),
        }.CreateClient();

        await client.ListJobsAsync(new ListJobsRequest());

        Assert.Contains("/ap-southeast-2/iot/aws4_request", Assert.Single(sim.Requests).Headers["authorization"]);
    }

    [Fact]
    public async Task Credential_process_profile()
    {
        await using var sim = await Sim.StartAsync(o =>
            o.Credentials["ASIAPROCESS"] = new SimulatorCredential("process-secret", "process-token")
        );
        string script = Path.Combine(folder, "creds.sh");
        File.WriteAllText(
            script,
            "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"ASIAPROCESS\", \"SecretAccessKey\": "
                + "\"process-secret\", \"SessionToken\": \"process-token\"}'\n"
        );
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(
            TestProcessSetup.ConfigFile,
            $"[profile proc]\nregion = us-east-1\ncredential_process = {script}\n"
        );
        using var client = new IotJobsConnection
        {
            ProfileName = "proc",
            EndpointUrl = sim.Endpoint.ToString(),
        }.CreateClient();

        await client.ListJobsAsync(new ListJobsRequest());

        var sent = Assert.Single(sim.Requests);
        Assert.Equal(200, sent.Status);
        Assert.Equal("process-token", sent.Headers["x-amz-security-token"]);
    }

    [Fact]
    public async Task Container_credentials()
    {
        await using var sim = await Sim.StartAsync();
        Environment.SetEnvironmentVariable(
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            sim.Endpoint + "container-credentials"
        );
        using var client = new IotJobsConnection
        {
            EndpointUrl = sim.Endpoint.ToString(),
            Region = "us-east-1",
        }.CreateClient();

        await client.ListJobsAsync(new ListJobsRequest());

        var sent = sim.Requests.Single(q => q.Operation == "ListJobs");
        Assert.Equal(200, sent.Status);
        Assert.Contains("Credential=ASIA", sent.Headers["authorization"]);
        Assert.True(sent.Headers.ContainsKey("x-amz-security-token"));
        Assert.Single(sim.Requests, q => q.Operation == "ContainerCredentials");
    }

    [Fact]
    public async Task Assume_role_profile_gets_credentials_from_STS()
    {
        await using var sim = await Sim.StartAsync();
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_STS", sim.Endpoint.ToString());
        File.WriteAllText(
            TestProcessSetup.CredentialsFile,
            $"[source]\naws_access_key_id = {SimulatorOptions.DefaultAccessKeyId}\n"
                + $"aws_secret_access_key = {SimulatorOptions.DefaultSecretAccessKey}\n"
        );
        File.WriteAllText(
            TestProcessSetup.ConfigFile,
            "[profile ops]\nrole_arn = arn:aws:iam::123456789012:role/Ops\nsource_profile = source\n"
                + "region = us-east-1\n"
        );
        using var client = new IotJobsConnection
        {
            ProfileName = "ops",
            EndpointUrl = sim.Endpoint.ToString(),
        }.CreateClient();

        await client.ListJobsAsync(new ListJobsRequest());

        var assume = Assert.Single(sim.Requests, q => q.Operation == "AssumeRole");
        Assert.Equal(200, assume.Status);
        Assert.Contains("RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2FOps", assume.Body);
        Assert.Contains($"Credential={SimulatorOptions.DefaultAccessKeyId}/", assume.Headers["authorization"]);
        var list = sim.Requests.Single(q => q.Operation == "ListJobs");
        Assert.Equal(200, list.Status);
        Assert.Contains("Credential=ASIA", list.Headers["authorization"]);
    }

    [Fact]
    public async Task Sso_profile_with_a_cached_sign_in()
    {
        await using var sim = await Sim.StartAsync();
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SSO", sim.Endpoint.ToString());
        // The SDK reads the sign-in that `aws sso login` cached under ~/.aws/sso/cache, named by the SHA-1 of the
        // session name.
        string home = Path.Combine(folder, "home");
        string cache = Path.Combine(home, ".aws", "sso", "cache");
        Directory.CreateDirectory(cache);
        Environment.SetEnvironmentVariable("HOME", home);
        string name = Convert.ToHexStringLower(
            System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes("corp"))
        );
        File.WriteAllText(
            Path.Combine(cache, name + ".json"),
            System.Text.Json.JsonSerializer.Serialize(
                new
                {
                    accessToken = SimulatorOptions.SsoAccessToken,
                    expiresAt = DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ"),
                    region = "us-east-1",
                    startUrl = "https://corp.awsapps.com/start",
                }
            )
        );
        File.WriteAllText(
            TestProcessSetup.ConfigFile,
            "[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Ops\n"
                + "region = us-east-1\n"
                + "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n"
        );
        using var client = new IotJobsConnection
        {
            ProfileName = "sso",
            EndpointUrl = sim.Endpoint.ToString(),
        }.CreateClient();

        await client.ListJobsAsync(new ListJobsRequest());

        var roleCredentials = Assert.Single(sim.Requests, q => q.Operation == "GetRoleCredentials");
        Assert.Equal(200, roleCredentials.Status);
        Assert.Equal("Ops", roleCredentials.QueryValue("role_name"));
        Assert.Contains(
            "Credential=ASIA",
            sim.Requests.Single(q => q.Operation == "ListJobs").Headers["authorization"]
        );
    }

    [Fact]
    public async Task Instance_metadata_credentials()
    {
        // The SDK reads the IMDS settings once per process, and this one disabled IMDS at its start: a child process
        // asks.
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("on-the-instance");
        string empty = Path.Combine(folder, "empty");
        File.WriteAllText(empty, "");

        var lines = IotJobs.Tests.Module.IsolationTests.Probe(
            "run",
            $"(Get-IotJob -EndpointUrl {sim.Endpoint} -Region us-east-1).JobId",
            new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = null,
                ["AWS_SECRET_ACCESS_KEY"] = null,
                ["AWS_SESSION_TOKEN"] = null,
                ["AWS_PROFILE"] = null,
                ["AWS_EC2_METADATA_DISABLED"] = null,
                ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = sim.Endpoint.ToString().TrimEnd('/'),
                ["AWS_CONFIG_FILE"] = empty,
                ["AWS_SHARED_CREDENTIALS_FILE"] = empty,
            }
        );

        Assert.Contains("on-the-instance", lines);
        Assert.Contains(sim.Requests, q =>
            q.Operation == "InstanceMetadata" && q.RawPath.EndsWith("/instance-role") && q.Status == 200
        );
        Assert.Contains(
            "Credential=ASIA",
            sim.Requests.Single(q => q.Operation == "ListJobs").Headers["authorization"]
        );
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
        var e = Assert.Throws<ArgumentException>(() =>
            new IotJobsConnection { EndpointUrl = "ftp://example", Region = "us-east-1" }.CreateClient()
        );

        Assert.Contains("ftp://example", e.Message);
    }
}
