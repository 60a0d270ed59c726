namespace IotJobs.Simulator.Http;

/// <summary>A token bucket per operation: a second's worth of burst, refilled at the configured rate.</summary>
internal sealed class RateLimiter
{
    private readonly object gate = new();
    private readonly Dictionary<string, (double Tokens, DateTimeOffset At)> buckets = new(StringComparer.Ordinal);
    private readonly SimulatorOptions options;

    public RateLimiter(SimulatorOptions options) => this.options = options;

    public bool TryAcquire(string operation)
    {
        double? rate = options.RateLimits.TryGetValue(operation, out var r) ? r : options.DefaultRateLimit;
        if (rate is null)
            return true;
        var now = options.Clock.GetUtcNow();
        lock (gate)
        {
            var (tokens, at) = buckets.TryGetValue(operation, out var b) ? b : (rate.Value, now);
            tokens = Math.Min(rate.Value, tokens + (now - at).TotalSeconds * rate.Value);
            bool granted = tokens >= 1;
            buckets[operation] = (granted ? tokens - 1 : tokens, now);
            return granted;
        }
    }
}
