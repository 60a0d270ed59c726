using System.Collections.Concurrent;

namespace IotJobs.Simulator;

/// <summary>
/// One account's own rates, which take the place of <see cref="SimulatorOptions.RateLimits"/> and
/// <see cref="SimulatorOptions.DefaultRateLimit"/> for its requests: the service's quotas are per account, and
/// some accounts have had theirs raised.
/// </summary>
public sealed class AccountRateLimits
{
    /// <summary>Requests per second for each of the account's operations without its own entry.</summary>
    public double? DefaultRateLimit { get; set; }

    /// <summary>Requests per second for one of the account's operations, by operation name.</summary>
    public ConcurrentDictionary<string, double> RateLimits { get; } = new(StringComparer.Ordinal);
}
