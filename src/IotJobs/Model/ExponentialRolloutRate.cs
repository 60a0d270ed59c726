using System.Text.Json;
using static IotJobs.Model.ServiceJson;

namespace IotJobs.Model;

/// <summary>
/// A rollout that starts at BaseRatePerMinute and grows by IncrementFactor each time RateIncreaseCriteria is met.
/// </summary>
public sealed class ExponentialRolloutRate : ServiceShape
{
    internal ExponentialRolloutRate(JsonElement e)
        : base(e)
    {
        BaseRatePerMinute = Int(e, "baseRatePerMinute");
        IncrementFactor = Double(e, "incrementFactor");
        RateIncreaseCriteria = Object(e, "rateIncreaseCriteria", c => new RateIncreaseCriteria(c));
    }

    public int? BaseRatePerMinute { get; }

    public double? IncrementFactor { get; }

    public RateIncreaseCriteria? RateIncreaseCriteria { get; }
}
