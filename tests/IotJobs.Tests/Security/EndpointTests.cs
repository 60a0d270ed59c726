using System.Net;
using IotJobs.Client;
using IotJobs.Client.Model;
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

    [Fact]
    public async Task Plain_http_to_this_machines_own_network_address_is_refused_and_nothing_reaches_it()
    {
        // Listening there, so that a request sent in spite of the refusal would be seen, not merely fail.
        using var listener = new CannedHttpListener(CannedHttpListener.OwnNetworkAddress());
        using var ps = PsSession.Start(null);

        var r = ps.Run($"Get-IotJob -EndpointUrl {listener.Url} -Region us-east-1");
        await Task.Delay(250); // time for a connection made in the background to show

        var error = Assert.Single(r.Errors);
        Assert.Equal("InvalidConnectionSettings,IotJobs.Cmdlets.GetIotJobCommand", error.FullyQualifiedErrorId);
        Assert.Equal(0, listener.Connections);
    }

    [Fact]
    public void The_switch_allows_plain_http_elsewhere_and_the_request_reaches_it()
    {
        using var listener = new CannedHttpListener(CannedHttpListener.OwnNetworkAddress());
        using var ps = PsSession.Start(null);

        var r = ps.Run($"Get-IotJob -EndpointUrl {listener.Url} -Region us-east-1 -AllowUnencryptedEndpoint");

        Assert.Empty(r.Errors);
        Assert.Empty(r.Output); // the canned page has no jobs
        Assert.StartsWith("GET /jobs", Assert.Single(listener.RequestLines));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Plain_http_to_a_loopback_address_is_accepted_and_reaches_the_simulator(string host)
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        using var client = Connect($"http://{host}:{sim.Endpoint.Port}");

        var page = await client.ListJobsAsync(new ListJobsRequest());

        Assert.Equal(["j"], page.Jobs.Select(j => j.JobId));
        Assert.Contains(sim.Requests, q => q.Operation == "ListJobs");
    }

    [Fact]
    public async Task Plain_http_to_the_IPv6_loopback_is_accepted_and_the_request_reaches_it()
    {
        // The simulator listens on 127.0.0.1 only; a listener of our own stands at [::1].
        using var listener = new CannedHttpListener(IPAddress.IPv6Loopback);
        using var client = Connect(listener.Url);

        var page = await client.ListJobsAsync(new ListJobsRequest());

        Assert.Empty(page.Jobs);
        Assert.StartsWith("GET /jobs", Assert.Single(listener.RequestLines));
    }

    [Theory]
    [InlineData("https://iot.example.com")]
    [InlineData("https://iot.example.com:8443")]
    [InlineData("https://10.1.2.3")]
    public void Https_anywhere_is_accepted_and_kept_as_given(string url)
    {
        using var client = Connect(url);

        Assert.Equal(url, client.Location.EndpointUrl);
        Assert.Equal("us-east-1", client.Location.Region);
    }

    private static IotJobsClient Connect(string url) =>
        new IotJobsConnection
        {
            EndpointUrl = url,
            Region = "us-east-1",
            Credentials = Sim.Credentials,
        }.CreateClient();
}
