using IotJobs.Simulator;
using IotJobs.Simulator.Http;
using IotJobs.Tests.Client;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Identity;

/// <summary>
/// A piped object is acted on where it was found: its region and endpoint, with the profile it was read
/// with, in its account. A -Region, -EndpointUrl or account that contradicts that is refused with nothing
/// sent anywhere. The command's default endpoint comes from AWS_ENDPOINT_URL_IOT here, as a user's would,
/// so these tests run alone.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class OriginTests : IDisposable
{
    private const string StagingAccount = "210987654321";
    private const string StagingKey = "AKIASTAGINGACCOUNT01";
    private const string StagingSecret = "staging/secret/key";
    private readonly string? savedEndpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_IOT");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_IOT", savedEndpoint);
        File.WriteAllText(TestProcessSetup.CredentialsFile, "");
    }

    /// <summary>
    /// A simulator in <paramref name="region"/> whose two accounts both hold the canceled jobs fw-1 and fw-2.
    /// </summary>
    private static async Task<IotJobsSimulator> Region(string region)
    {
        var sim = await Sim.StartAsync(o =>
        {
            o.Region = region;
            o.Credentials[StagingKey] = new SimulatorCredential(StagingSecret, AccountId: StagingAccount);
        });
        foreach (var store in new[] { sim.Store, sim.StoreFor(StagingAccount) })
        {
            store.AddJob("fw-1", "CANCELED");
            store.AddJob("fw-2", "CANCELED");
        }
        return sim;
    }

    /// <summary>
    /// A session whose default connection is <paramref name="home"/>, from the environment and $StoredAWSRegion.
    /// </summary>
    private static PsSession DefaultingTo(IotJobsSimulator home)
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_IOT", home.Endpoint.ToString());
        var ps = PsSession.Start(null);
        ps.SetVariable("StoredAWSRegion", home.Options.Region);
        return ps;
    }

    private static int Deletes(IotJobsSimulator sim) => sim.Requests.Count(q => q.Method == "DELETE");

    [Fact]
    public async Task Jobs_listed_in_another_region_are_removed_there_not_in_the_default_region()
    {
        await using var home = await Region("us-east-1");
        await using var eu = await Region("eu-west-1");
        using var ps = DefaultingTo(home);

        var r = ps.Run($"Get-IotJob -Region eu-west-1 -EndpointUrl {eu.Endpoint} | Remove-IotJob -Force");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal(2, Deletes(eu));
        Assert.Equal(0, Deletes(home));
        Assert.Equal("CANCELED", home.Store.FindJob("fw-1")!.Status);
        Assert.All(eu.Requests, q => Assert.Contains("/eu-west-1/iot/aws4_request", q.Headers["authorization"]));
    }

    [Fact]
    public async Task Items_of_two_regions_in_one_pipeline_each_go_where_they_were_found()
    {
        await using var home = await Region("us-east-1");
        await using var eu = await Region("eu-west-1");
        home.Store.AddJob("only-home", "CANCELED");
        using var ps = DefaultingTo(home);

        var r = ps.Run(
            $"@(Get-IotJob -Region eu-west-1 -EndpointUrl {eu.Endpoint} -JobId fw-1) + @(Get-IotJob -JobId only-home) "
                + $"| Remove-IotJob -Force"
        );

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal(["/jobs/fw-1"], eu.Requests.Where(q => q.Method == "DELETE").Select(q => q.RawPath));
        Assert.Equal(["/jobs/only-home"], home.Requests.Where(q => q.Method == "DELETE").Select(q => q.RawPath));
    }

    [Fact]
    public async Task The_executions_of_a_job_found_in_another_region_are_listed_and_stopped_there()
    {
        await using var home = await Region("us-east-1");
        await using var eu = await Region("eu-west-1");
        foreach (var sim in new[] { home, eu })
        {
            sim.Store.AddJob("rollout");
            sim.Store.AddExecution("rollout", "sensor-1");
        }
        using var ps = DefaultingTo(home);

        var r = ps.Run(
            $"Get-IotJob rollout -Region eu-west-1 -EndpointUrl {eu.Endpoint} | Get-IotJobExecution | "
                + $"Stop-IotJobExecution"
        );

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal("CANCELED", eu.Store.FindExecution("rollout", "sensor-1")!.Status);
        Assert.Equal("QUEUED", home.Store.FindExecution("rollout", "sensor-1")!.Status);
        Assert.DoesNotContain(home.Requests, q => q.Operation != null);
    }

    [Theory]
    [InlineData(
        "-Region us-east-1",
        "WrongRegion",
        "it was found in eu-west-1, but this command was given -Region us-east-1"
    )]
    [InlineData(
        "-EndpointUrl HOME",
        "WrongEndpoint",
        "it was found at EU, but this command was given -EndpointUrl HOME"
    )]
    public async Task A_contradicting_Region_or_EndpointUrl_is_refused_with_nothing_sent_anywhere(
        string parameter,
        string errorId,
        string reason
    )
    {
        await using var home = await Region("us-east-1");
        await using var eu = await Region("eu-west-1");
        using var ps = DefaultingTo(home);
        string homeUrl = home.Endpoint.ToString(),
            euUrl = eu.Endpoint.ToString().TrimEnd('/');

        var r = ps.Run(
            $"Get-IotJob -Region eu-west-1 -EndpointUrl {euUrl} | "
                + $"Remove-IotJob -Force {parameter.Replace("HOME", homeUrl)}"
        );

        Assert.Equal(2, r.Errors.Count);
        Assert.All(r.Errors, e =>
            Assert.Equal($"{errorId},IotJobs.Cmdlets.RemoveIotJobCommand", e.FullyQualifiedErrorId)
        );
        Assert.Equal(
            $"Cannot remove job 'fw-1': {reason.Replace("HOME", homeUrl).Replace("EU", euUrl)}. Nothing was sent.",
            r.Errors[0].ErrorDetails.Message
        );
        Assert.Equal(0, Deletes(eu) + Deletes(home));
        Assert.Empty(home.Requests);
    }

    private static void WriteProfiles() =>
        File.WriteAllText(
            TestProcessSetup.CredentialsFile,
            $"[staging]\naws_access_key_id = {StagingKey}\naws_secret_access_key = {StagingSecret}\n\n"
                + $"[prod]\naws_access_key_id = {SimulatorOptions.DefaultAccessKeyId}\n"
                + $"aws_secret_access_key = {SimulatorOptions.DefaultSecretAccessKey}\n"
        );

    [Fact]
    public async Task Jobs_read_with_a_profile_are_removed_with_that_profile_in_its_account()
    {
        await using var sim = await Region("us-east-1");
        WriteProfiles();
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob -ProfileName staging | Remove-IotJob -Force");

        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Equal("DELETION_IN_PROGRESS", sim.StoreFor(StagingAccount).FindJob("fw-1")!.Status);
        Assert.Equal("CANCELED", sim.Store.FindJob("fw-1")!.Status);
        Assert.All(sim.Requests.Where(q => q.Method == "DELETE"), q =>
            Assert.Contains($"Credential={StagingKey}/", q.Headers["authorization"])
        );
        // The same credentials read and removed them: no account lookup was needed.
        Assert.DoesNotContain(sim.Requests, q => q.Operation == "GetCallerIdentity");
    }

    [Fact]
    public async Task Jobs_read_in_one_account_are_refused_by_a_command_whose_credentials_belong_to_another()
    {
        await using var sim = await Region("us-east-1");
        WriteProfiles();
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob -ProfileName staging | Remove-IotJob -Force -ProfileName prod");

        Assert.Equal(2, r.Errors.Count);
        Assert.All(r.Errors, e =>
            Assert.Equal("WrongAccount,IotJobs.Cmdlets.RemoveIotJobCommand", e.FullyQualifiedErrorId)
        );
        Assert.Equal(
            $"Cannot remove job 'fw-1': it belongs to account {StagingAccount}, "
                + $"but this command's credentials belong to account 123456789012. Nothing was sent.",
            r.Errors[0].ErrorDetails.Message
        );
        Assert.Equal(0, Deletes(sim));
        // One lookup of the command's account, for the whole batch.
        Assert.Single(sim.Requests, q => q.Operation == "GetCallerIdentity");
    }

    /// <summary>
    /// The account question is retried by the module's policy alone (3 attempts), not by the AWS SDK's STS client as
    /// well, and an account that cannot be learned refuses the items rather than acting unchecked.
    /// </summary>
    [Fact]
    public async Task An_unanswered_account_question_is_asked_three_times_and_refuses_the_items()
    {
        await using var sim = await Region("us-east-1");
        WriteProfiles();
        sim.Faults.Add(new FaultRule(FaultKind.ServiceUnavailable) { Operation = "GetCallerIdentity" });
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            "Get-IotJob -ProfileName staging | Select-Object -First 1 | Remove-IotJob -Force -ProfileName prod"
        );

        var error = Assert.Single(r.Errors);
        Assert.StartsWith("AccountUnknown,", error.FullyQualifiedErrorId);
        Assert.Equal(0, Deletes(sim));
        Assert.Equal(3, sim.Requests.Count(q => q.Operation == "GetCallerIdentity"));
    }

    [Fact]
    public async Task Jobs_read_with_other_credentials_are_checked_against_the_default_credentials_account()
    {
        await using var sim = await Region("us-east-1");
        using var ps = PsSession.Start(sim);
        ps.SetVariable(
            "staging",
            new System.Management.Automation.PSCredential(
                StagingKey,
                new System.Net.NetworkCredential("", StagingSecret).SecurePassword
            )
        );

        var refused = ps.Run("Get-IotJob -Credential $staging | Remove-IotJob -Force");
        var matching = ps.Run("Get-IotJob -Credential $staging | Remove-IotJob -Force -Credential $staging");

        Assert.Equal(2, refused.Errors.Count);
        Assert.All(refused.Errors, e =>
            Assert.Equal("WrongAccount,IotJobs.Cmdlets.RemoveIotJobCommand", e.FullyQualifiedErrorId)
        );
        Assert.Equal("CANCELED", sim.Store.FindJob("fw-1")!.Status);
        // With the credentials they were read with, the same jobs go.
        Assert.False(matching.HadErrors, string.Join("\n", matching.Errors));
        Assert.Equal("DELETION_IN_PROGRESS", sim.StoreFor(StagingAccount).FindJob("fw-2")!.Status);
        Assert.Equal(2, Deletes(sim));
    }
}
