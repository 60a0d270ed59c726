using System.Management.Automation;
using IotJobs.Tests.Client;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Security;

/// <summary>
/// With no source of credentials, the command stops once and names every source it tried. Changes the environment, so
/// runs alone.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class NoCredentialsTests : IDisposable
{
    private readonly string? key = Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID");
    private readonly string? secret = Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY");

    public NoCredentialsTests()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", null);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", null);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", key);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", secret);
    }

    [Fact]
    public async Task The_error_names_what_was_tried_and_no_request_is_sent()
    {
        await using var sim = await Sim.StartAsync();
        using var ps = PsSession.Start(sim);

        var r = ps.Run("'a','b' | Remove-IotJob -Force");

        var error = Assert.Single(r.Errors);
        Assert.Equal("NoCredentials,IotJobs.Cmdlets.RemoveIotJobCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        foreach (
            var source in new[]
            {
                "-Credential",
                "$StoredAWSCredentials",
                "AWS_ACCESS_KEY_ID",
                "AWS_PROFILE",
                "credential_process",
                "instance credentials",
            }
        )
            Assert.Contains(source, error.ErrorDetails.Message);
        Assert.Empty(sim.Requests);
    }
}
