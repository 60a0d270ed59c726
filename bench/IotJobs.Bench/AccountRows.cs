using IotJobs.Simulator;
using IotJobs.Simulator.Http;

namespace IotJobs.Bench;

/// <summary>
/// Row (k): two accounts on one endpoint, A throttled far below what it asks. The service's rates are per account,
/// so A's throttling must not slow B: B's removal is timed alone, then again while A's removal runs in another
/// runspace of this process, which shares the module (and its pacing) with B's.
/// </summary>
internal static class AccountRows
{
    private const string AccountA = "111111111111",
        AccountB = "222222222222";
    private const string KeyA = "AKIAACCOUNTAEXAMPLE1",
        KeyB = "AKIAACCOUNTBEXAMPLE2";
    private const string SecretA = "account-a/secret/not-a-real-one",
        SecretB = "account-b/secret/not-a-real-one";

    /// <summary>A's rate for DeleteJob and ListJobs: one request in 2 s, where it would send ten a second.</summary>
    private const double ThrottledRate = 0.5;

    public static async Task<string[]> WhileAnotherIsThrottled(int jobsOfB)
    {
        await using var sim = await ServiceLike.Start(
            _ => { },
            configure: options =>
            {
                options.Credentials[KeyA] = new SimulatorCredential(SecretA, AccountId: AccountA);
                options.Credentials[KeyB] = new SimulatorCredential(SecretB, AccountId: AccountB);
                var throttled = new AccountRateLimits();
                throttled.RateLimits["DeleteJob"] = ThrottledRate;
                throttled.RateLimits["ListJobs"] = ThrottledRate;
                options.AccountRateLimits[AccountA] = throttled;
            }
        );
        var ids = ServiceLike.JobIds(jobsOfB);
        using var b = Session(sim, KeyB, SecretB, ids);
        using var a = Session(sim, KeyA, SecretA, ids);
        const string remove = "$ids | Remove-IotJob -Force -Wait -Credential $credential";

        ServiceLike.SeedJobs(sim.StoreFor(AccountB), jobsOfB);
        var (alone, errorsAlone, _) = b.Time(remove);
        Table.Check(sim.StoreFor(AccountB).JobCount == 0, "(k): B's jobs left after B alone");
        int throttledAlone = Throttled(sim, KeyB);
        RequestLog.Write("k-alone", sim);

        ServiceLike.SeedJobs(sim.StoreFor(AccountB), jobsOfB);
        ServiceLike.SeedJobs(sim.StoreFor(AccountA), jobsOfB);
        sim.ClearRequests();
        a.Start(remove);
        // A has met its throttling (and its pacers have slowed down) before B starts.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var (beside, errorsBeside, _) = b.Time(remove);
        var (aStillRunning, _) = a.Stop();
        RequestLog.Write("k-beside", sim);
        Table.Check(sim.StoreFor(AccountB).JobCount == 0, "(k): B's jobs left beside A");
        Table.Check(aStillRunning, "(k): A finished before B: it was not throttled hard enough to measure anything");
        int throttledBeside = Throttled(sim, KeyB),
            throttledA = Throttled(sim, KeyA),
            deletedA = jobsOfB - sim.StoreFor(AccountA).JobCount;

        double ratio = beside / alone;
        return
        [
            $"(k) account B's {jobsOfB} jobs beside throttled A",
            $"{beside:0.0} s, {errorsBeside} failed, {throttledBeside} throttled; "
                + $"A meanwhile: {throttledA} throttled, {deletedA} removed",
            $"{alone:0.0} s B alone, {errorsAlone} failed, {throttledAlone} throttled",
            $"{Math.Ceiling(jobsOfB / 10.0) * 2:0.0} s",
            $"{ratio:0.00}x of B alone",
            "<= 1.2x of B alone, 0 failed",
            Table.Met(ratio <= 1.2 && errorsBeside == 0 && errorsAlone == 0),
        ];
    }

    private static ModuleSession Session(IotJobsSimulator sim, string key, string secret, List<string> ids)
    {
        var session = new ModuleSession(sim.Endpoint);
        session.SetVariable("ids", ids);
        session.SetVariable("key", key);
        session.SetVariable("secret", secret);
        session.Run("$credential = [pscredential]::new($key, (ConvertTo-SecureString $secret -AsPlainText -Force))");
        return session;
    }

    /// <summary>Requests signed with this access key that the simulator answered with a ThrottlingException.</summary>
    private static int Throttled(IotJobsSimulator sim, string key) =>
        sim.Requests.Count(q => q.ErrorType == "ThrottlingException" && SignedWith(q, key));

    private static bool SignedWith(RecordedRequest request, string key) => RequestLog.AccessKey(request) == key;
}
