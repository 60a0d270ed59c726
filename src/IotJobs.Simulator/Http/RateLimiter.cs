namespace IotJobs.Simulator.Http;

/// <summary>
/// A token bucket per account and operation, as the service limits each account's requests to each operation:
/// a second's worth of burst (one request at least), refilled at the rate the options give that account and
/// operation. Rates can change while requests are served (the control plane); <see cref="Reset"/> restores
/// those the simulator started with.
/// </summary>
internal sealed class RateLimiter
{
    private readonly object gate = new();
    private readonly Dictionary<(string Account, string Operation), (double Tokens, DateTimeOffset At)> buckets = new();
    private readonly SimulatorOptions options;
    private readonly RateLimitTable startup;

    public RateLimiter(SimulatorOptions options)
    {
        this.options = options;
        startup = RateLimitTable.Of(options);
    }

    public bool TryAcquire(string accountId, string operation)
    {
        var now = options.Clock.GetUtcNow();
        lock (gate)
        {
            if (RateFor(accountId, operation) is not double rate)
                return true;
            double burst = Math.Max(1, rate);
            var key = (accountId, operation);
            var (tokens, at) = buckets.TryGetValue(key, out var b) ? b : (burst, now);
            tokens = Math.Min(burst, tokens + (now - at).TotalSeconds * rate);
            bool granted = tokens >= 1;
            buckets[key] = (granted ? tokens - 1 : tokens, now);
            return granted;
        }
    }

    /// <summary>
    /// Sets (or, with a null rate, removes) the rate of one operation or of every operation, for one account
    /// or for all.
    /// </summary>
    public void Set(string? accountId, string? operation, double? perSecond)
    {
        if (operation is not null && !OperationRoute.Names.Contains(operation))
            throw new ArgumentException(
                $"'{operation}' is not an operation of the simulator: {string.Join(", ", OperationRoute.Names)}."
            );
        if (perSecond is <= 0 or double.NaN or double.PositiveInfinity)
            throw new ArgumentException($"A rate is a number of requests per second above 0, not {perSecond}.");
        lock (gate)
        {
            if (accountId is null)
                Apply(options.RateLimits, v => options.DefaultRateLimit = v, operation, perSecond);
            else
            {
                var account = options.AccountRateLimits.GetOrAdd(accountId, _ => new AccountRateLimits());
                Apply(account.RateLimits, v => account.DefaultRateLimit = v, operation, perSecond);
            }
        }
    }

    /// <summary>The rates now in force.</summary>
    public RateLimitTable Table()
    {
        lock (gate)
            return RateLimitTable.Of(options);
    }

    /// <summary>Back to the rates the simulator started with, every bucket full.</summary>
    public void Reset()
    {
        lock (gate)
        {
            startup.ApplyTo(options);
            buckets.Clear();
        }
    }

    private double? RateFor(string accountId, string operation)
    {
        if (options.AccountRateLimits.TryGetValue(accountId, out var account))
        {
            if (account.RateLimits.TryGetValue(operation, out var own))
                return own;
            if (account.DefaultRateLimit is double all)
                return all;
        }
        return options.RateLimits.TryGetValue(operation, out var rate) ? rate : options.DefaultRateLimit;
    }

    private static void Apply(
        IDictionary<string, double> operations,
        Action<double?> setDefault,
        string? operation,
        double? perSecond
    )
    {
        if (operation is null)
            setDefault(perSecond);
        else if (perSecond is double rate)
            operations[operation] = rate;
        else
            operations.Remove(operation);
    }
}
