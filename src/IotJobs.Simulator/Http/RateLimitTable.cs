namespace IotJobs.Simulator.Http;

/// <summary>
/// The rates of a simulator at one moment, as the control plane shows them (GET /_simulator/rate-limits) and as
/// a reset restores them: the rate of every operation, operations' own rates, and accounts' own rates.
/// </summary>
internal sealed record RateLimitTable(
    double? PerSecond,
    IReadOnlyDictionary<string, double> Operations,
    IReadOnlyDictionary<string, RateLimitTable> Accounts
)
{
    public static RateLimitTable Of(SimulatorOptions options) =>
        new(
            options.DefaultRateLimit,
            new Dictionary<string, double>(options.RateLimits, StringComparer.Ordinal),
            options.AccountRateLimits.ToDictionary(
                a => a.Key,
                a => new RateLimitTable(
                    a.Value.DefaultRateLimit,
                    new Dictionary<string, double>(a.Value.RateLimits, StringComparer.Ordinal),
                    new Dictionary<string, RateLimitTable>()
                ),
                StringComparer.Ordinal
            )
        );

    public void ApplyTo(SimulatorOptions options)
    {
        options.DefaultRateLimit = PerSecond;
        options.RateLimits.Clear();
        foreach (var (operation, rate) in Operations)
            options.RateLimits[operation] = rate;
        options.AccountRateLimits.Clear();
        foreach (var (id, own) in Accounts)
        {
            var account = options.AccountRateLimits[id] = new AccountRateLimits { DefaultRateLimit = own.PerSecond };
            foreach (var (operation, rate) in own.Operations)
                account.RateLimits[operation] = rate;
        }
    }
}
