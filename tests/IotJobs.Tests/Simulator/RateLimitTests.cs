using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IotJobs.Simulator;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Simulator;

/// <summary>
/// The service's rate limits are per account (and region) and per operation: a token bucket for each. The
/// answers are seen through the aws CLI told to make one attempt, on a clock that does not move, so no
/// bucket refills between requests.
/// </summary>
public sealed class RateLimitTests
{
    private const string Staging = "210987654321";
    private static readonly (string, string) StagingKeys = ("AKIASTAGINGACCOUNT01", "staging/secret");

    private static Task<IotJobsSimulator> StartAsync(Action<SimulatorOptions>? configure = null) =>
        Sim.StartAsync(o =>
        {
            o.Clock = new ManualClock(DateTimeOffset.UtcNow);
            o.Credentials[StagingKeys.Item1] = new SimulatorCredential(StagingKeys.Item2, AccountId: Staging);
            configure?.Invoke(o);
        });

    [Fact]
    public async Task One_account_being_throttled_takes_none_of_another_accounts_tokens()
    {
        await using var sim = await StartAsync(o => o.RateLimits["ListJobs"] = 1);

        var first = await AwsCli.IotAsync(sim, "list-jobs");
        var second = await AwsCli.IotAsync(sim, "list-jobs");
        var otherAccount = await AwsCli.IotAsync(sim, StagingKeys, "list-jobs");

        Assert.True(first.ExitCode == 0, first.Errors);
        Assert.Contains("(ThrottlingException) when calling the ListJobs operation", second.Errors);
        Assert.True(otherAccount.ExitCode == 0, otherAccount.Errors);
    }

    [Fact]
    public async Task A_rate_set_for_one_account_from_the_control_plane_applies_to_it_alone_until_a_reset()
    {
        await using var sim = await StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(sim.Endpoint, "_simulator/") };

        var set = await http.PostAsJsonAsync(
            "rate-limits",
            new
            {
                accountId = Staging,
                operation = "ListJobs",
                perSecond = 1,
            }
        );
        var staging = new[]
        {
            await AwsCli.IotAsync(sim, StagingKeys, "list-jobs"),
            await AwsCli.IotAsync(sim, StagingKeys, "list-jobs"),
        };
        var home = new[] { await AwsCli.IotAsync(sim, "list-jobs"), await AwsCli.IotAsync(sim, "list-jobs") };
        var shown = JsonDocument.Parse(await http.GetStringAsync("rate-limits")).RootElement;
        await http.PostAsync("reset", null);
        var afterReset = JsonDocument.Parse(await http.GetStringAsync("rate-limits")).RootElement;

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(0, staging[0].ExitCode);
        Assert.Contains("(ThrottlingException)", staging[1].Errors);
        Assert.All(home, r => Assert.True(r.ExitCode == 0, r.Errors));
        Assert.Equal(
            1,
            shown
                .GetProperty("accounts")
                .GetProperty(Staging)
                .GetProperty("operations")
                .GetProperty("ListJobs")
                .GetDouble()
        );
        Assert.Empty(afterReset.GetProperty("accounts").EnumerateObject());
    }

    [Fact]
    public async Task An_unknown_operation_or_a_rate_that_is_not_a_positive_number_is_refused_by_the_control_plane()
    {
        await using var sim = await StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(sim.Endpoint, "_simulator/") };

        var typo = await http.PostAsJsonAsync("rate-limits", new { operation = "ListJob", perSecond = 1 });
        var zero = await http.PostAsJsonAsync("rate-limits", new { accountId = Staging, perSecond = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Contains("ListJob", await typo.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
    }

    [Fact]
    public async Task Rates_given_on_the_command_line_are_the_simulators()
    {
        await using var simulator = await SimulatorProcess.StartAsync(
            "--rate",
            "20",
            "--operation-rate",
            "DeleteJob=5",
            "--account-rate",
            $"{Staging}=2",
            "--account-rate",
            $"{Staging}/ListJobs=0.5"
        );

        using var answer = await simulator.ControlAsync(HttpMethod.Get, "rate-limits");
        var limits = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(20, limits.GetProperty("perSecond").GetDouble());
        Assert.Equal(5, limits.GetProperty("operations").GetProperty("DeleteJob").GetDouble());
        var staging = limits.GetProperty("accounts").GetProperty(Staging);
        Assert.Equal(2, staging.GetProperty("perSecond").GetDouble());
        Assert.Equal(0.5, staging.GetProperty("operations").GetProperty("ListJobs").GetDouble());
    }
}
