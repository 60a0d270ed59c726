using IotJobs.Client;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Security;

/// <summary>TLS by default: plain http only for endpoints on this machine, unless explicitly allowed.</summary>
public sealed class EndpointTests
{
    [Theory]
    [InlineData("http://iot.example.com")]
    [InlineData("http://10.1.2.3:8080")]
    public void Plain_http_to_another_machine_is_refused_before_any_request(string url)
    {
        using var ps = PsSession.Start(null);

        var r = ps.Run($"Get-IotJob -EndpointUrl {url} -Region us-east-1");

        var error = Assert.Single(r.Errors);
        Assert.Equal("InvalidConnectionSettings,IotJobs.Cmdlets.GetIotJobCommand", error.FullyQualifiedErrorId);
        Assert.Contains("unencrypted", error.Exception.Message);
        Assert.Contains("-AllowUnencryptedEndpoint", error.Exception.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5055")]
    [InlineData("http://localhost:5055")]
    [InlineData("http://[::1]:5055")]
    [InlineData("https://iot.example.com")]
    public void Loopback_http_and_any_https_are_accepted(string url)
    {
        using var client = new IotJobsConnection
        {
            EndpointUrl = url,
            Region = "us-east-1",
            Credentials = Sim.Credentials,
        }.CreateClient();

        Assert.NotNull(client);
    }

    [Fact]
    public void The_switch_allows_plain_http_elsewhere_without_sending_anything()
    {
        using var client = new IotJobsConnection
        {
            EndpointUrl = "http://10.1.2.3:8080",
            Region = "us-east-1",
            Credentials = Sim.Credentials,
            AllowUnencryptedEndpoint = true,
        }.CreateClient();

        Assert.NotNull(client);
    }
}
