using IotJobs.Simulator;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Security;

/// <summary>
/// Credentials and region from the sources above the SDK chain: -Credential and AWS.Tools' session defaults.
/// </summary>
public sealed class CredentialSourceTests
{
    // The shapes AWS.Tools hands around, as PowerShell classes: an AWSCredentials-like object whose
    // GetCredentials() gives AccessKey/SecretKey/Token, and the AWSPSCredentials wrapper.
    private const string AwsToolsShapes = """
        class FakeImmutableCredentials { [string]$AccessKey; [string]$SecretKey; [string]$Token; [bool]$UseToken }
        class FakeAwsCredentials {
            [string]$a; [string]$s; [string]$t
            FakeAwsCredentials([string]$a, [string]$s, [string]$t) { $this.a = $a; $this.s = $s; $this.t = $t }
            [object] GetCredentials() {
                return [FakeImmutableCredentials]@{
                    AccessKey = $this.a; SecretKey = $this.s; Token = $this.t; UseToken = [bool]$this.t
                }
            }
        }
        class FakeAwsPSCredentials { [object]$Credentials; [string]$Name }
        $toolsKeys = [FakeAwsCredentials]::new('ASIAFROMAWSTOOLS', 'tools-secret', 'tools-token')
        """;

    private static Task<IotJobsSimulator> WithOnlyTheseKeys(string region = "us-east-1") =>
        Sim.StartAsync(o =>
        {
            o.Region = region;
            o.Credentials.Clear();
            o.Credentials["AKIAFROMPARAMETER"] = new SimulatorCredential("parameter-secret");
            o.Credentials["ASIAFROMAWSTOOLS"] = new SimulatorCredential("tools-secret", "tools-token");
        });

    [Fact]
    public async Task Credential_takes_a_PSCredential()
    {
        await using var sim = await WithOnlyTheseKeys();
        sim.Store.AddJob("j");
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            "$c = [pscredential]::new('AKIAFROMPARAMETER', [System.Net.NetworkCredential]::new('', "
                + "'parameter-secret').SecurePassword); Get-IotJob -Credential $c"
        );

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Contains("Credential=AKIAFROMPARAMETER/", Assert.Single(sim.Requests).Headers["authorization"]);
    }

    [Fact]
    public async Task Credential_takes_AWS_Tools_credentials_with_their_session_token()
    {
        await using var sim = await WithOnlyTheseKeys();
        sim.Store.AddJob("j");
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            AwsToolsShapes
                + "\nGet-IotJob -Credential ([FakeAwsCredentials]::new('ASIAFROMAWSTOOLS', 'tools-secret', "
                + "'tools-token'))"
        );

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal("tools-token", Assert.Single(sim.Requests).Headers["x-amz-security-token"]);
    }

    [Fact]
    public async Task The_session_defaults_of_AWS_Tools_give_credentials_and_region()
    {
        await using var sim = await WithOnlyTheseKeys(region: "eu-central-1");
        sim.Store.AddJob("j");
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            AwsToolsShapes
                + """

                $StoredAWSCredentials = [FakeAwsPSCredentials]@{
                    Name = 'ops'; Credentials = $toolsKeys
                }
                $StoredAWSRegion = 'eu-central-1'
                $PSDefaultParameterValues.Remove('*-IotJob*:Region')
                Get-IotJob
                """
        );

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        var authorization = Assert.Single(sim.Requests).Headers["authorization"];
        Assert.Contains("Credential=ASIAFROMAWSTOOLS/", authorization);
        Assert.Contains("/eu-central-1/iot/aws4_request", authorization);
    }

    [Fact]
    public async Task Explicit_parameters_win_over_the_session_defaults()
    {
        await using var sim = await WithOnlyTheseKeys();
        sim.Store.AddJob("j");
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            AwsToolsShapes
                + """

                $StoredAWSCredentials = [FakeAwsPSCredentials]@{ Credentials = $toolsKeys }
                $StoredAWSRegion = 'ap-south-1'
                $secret = [System.Net.NetworkCredential]::new('', 'parameter-secret').SecurePassword
                Get-IotJob -Region us-east-1 -Credential ([pscredential]::new('AKIAFROMPARAMETER', $secret))
                """
        );

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        var authorization = Assert.Single(sim.Requests).Headers["authorization"];
        Assert.Contains("Credential=AKIAFROMPARAMETER/", authorization);
        Assert.Contains("/us-east-1/iot/", authorization);
    }

    [Fact]
    public void Something_that_is_not_credentials_is_refused_before_any_request()
    {
        using var ps = PsSession.Start(null);

        var r = ps.Run("Get-IotJob -Credential 42 -EndpointUrl http://127.0.0.1:9 -Region us-east-1");

        var error = Assert.Single(r.Errors);
        Assert.StartsWith("ParameterArgumentTransformationError,", error.FullyQualifiedErrorId);
        Assert.Contains("is not credentials", error.Exception.Message);
    }
}
