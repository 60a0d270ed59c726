using IotJobs.Model;
using IotJobs.Simulator;
using IotJobs.Tests.Client;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Places;

/// <summary>
/// One listing reads several places at once (-ProfileName prod,staging; -Region a,b): each object carries the place
/// it was found in, and a place that fails is that place's error, said once, while the others list.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class SeveralPlacesListingTests : IDisposable
{
    private const string StagingAccount = "210987654321";
    private const string StagingKey = "AKIASTAGINGACCOUNT01";
    private const string StagingSecret = "staging/secret/key";

    public void Dispose() => File.WriteAllText(TestProcessSetup.CredentialsFile, "");

    private static async Task<IotJobsSimulator> TwoAccounts()
    {
        var sim = await Sim.StartAsync(o =>
            o.Credentials[StagingKey] = new SimulatorCredential(StagingSecret, AccountId: StagingAccount)
        );
        sim.Store.AddJob("prod-1", "CANCELED");
        sim.Store.AddJob("prod-2", "CANCELED");
        sim.StoreFor(StagingAccount).AddJob("staging-1", "CANCELED");
        File.WriteAllText(
            TestProcessSetup.CredentialsFile,
            $"[staging]\naws_access_key_id = {StagingKey}\naws_secret_access_key = {StagingSecret}\n\n"
                + $"[prod]\naws_access_key_id = {SimulatorOptions.DefaultAccessKeyId}\n"
                + $"aws_secret_access_key = {SimulatorOptions.DefaultSecretAccessKey}\n"
        );
        return sim;
    }

    [Fact]
    public async Task Each_profile_is_listed_and_each_job_carries_where_it_was_found()
    {
        await using var sim = await TwoAccounts();
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob -ProfileName prod,staging -Status CANCELED");

        Assert.Empty(r.Errors);
        var jobs = r.Objects<IotJob>().OrderBy(j => j.JobId).ToList();
        Assert.Equal(
            [
                ("prod-1", "prod", "123456789012"),
                ("prod-2", "prod", "123456789012"),
                ("staging-1", "staging", StagingAccount),
            ],
            jobs.Select(j => (j.JobId, j.ProfileName, j.AccountId))
        );
        Assert.All(jobs, j => Assert.Equal("us-east-1", j.Region));
    }

    [Fact]
    public async Task The_whole_sweep_removes_each_job_where_it_was_found()
    {
        await using var sim = await TwoAccounts();
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob -ProfileName prod,staging -Status CANCELED | Remove-IotJob -Force -Wait");

        Assert.Empty(r.Errors);
        Assert.Equal(0, sim.Store.JobCount);
        Assert.Equal(0, sim.StoreFor(StagingAccount).JobCount);
    }

    [Fact]
    public async Task A_place_that_fails_is_its_own_error_said_once_and_the_others_list()
    {
        await using var sim = await TwoAccounts();
        using var ps = PsSession.Start(sim);

        // No such profile: its place cannot even connect; the region the simulator does not serve is refused by it.
        var r = ps.Run("Get-IotJob -ProfileName prod,nosuch -Region us-east-1,eu-west-1");

        Assert.Equal(["prod-1", "prod-2"], r.Objects<IotJob>().Select(j => j.JobId).Order());
        Assert.Equal(3, r.Errors.Count);
        var noProfile = r.Errors.Where(e => e.ErrorDetails.Message.Contains("nosuch")).ToList();
        Assert.Equal(2, noProfile.Count); // the profile with each region: two places
        Assert.All(noProfile, e => Assert.StartsWith("InvalidConnectionSettings,", e.FullyQualifiedErrorId));
        var wrongRegion = Assert.Single(r.Errors.Except(noProfile));
        Assert.Contains("eu-west-1", wrongRegion.ErrorDetails.Message);
        Assert.Contains("with profile prod", wrongRegion.ErrorDetails.Message);
    }

    [Fact]
    public async Task A_job_looked_for_by_id_in_several_places_is_missing_once_and_only_when_in_none()
    {
        await using var sim = await TwoAccounts();
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob -JobId staging-1, nowhere -ProfileName prod,staging");

        Assert.Equal(["staging-1"], r.Objects<IotJob>().Select(j => j.JobId));
        var missing = Assert.Single(r.Errors);
        Assert.StartsWith("NotFound,", missing.FullyQualifiedErrorId);
        Assert.Contains("job 'nowhere'", missing.ErrorDetails.Message);
    }
}
