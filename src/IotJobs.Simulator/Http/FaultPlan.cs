namespace IotJobs.Simulator.Http;

/// <summary>The faults a test has asked for; rules are tried in the order they were added.</summary>
public sealed class FaultPlan
{
    private readonly object gate = new();
    private readonly List<FaultRule> rules = new();
    private readonly Random random;

    internal FaultPlan(int seed) => random = new Random(seed);

    public FaultRule Add(FaultRule rule)
    {
        lock (gate)
            rules.Add(rule);
        return rule;
    }

    public void Clear()
    {
        lock (gate)
            rules.Clear();
    }

    /// <summary>The added delay and the failing fault (if any) for one request.</summary>
    internal (TimeSpan Delay, FaultRule? Failure) Draw(string operation)
    {
        lock (gate)
        {
            var delay = TimeSpan.Zero;
            FaultRule? failure = null;
            foreach (var rule in rules)
            {
                if ((rule.Operation is not null && rule.Operation != operation) || rule.Times == 0)
                    continue;
                if (rule.Skip > 0)
                {
                    rule.Skip--;
                    continue;
                }
                if (rule.Kind != FaultKind.Latency && failure is not null)
                    continue;
                if (rule.Probability < 1.0 && random.NextDouble() >= rule.Probability)
                    continue;
                if (rule.Times.HasValue)
                    rule.Times--;
                if (rule.Kind == FaultKind.Latency)
                    delay += rule.Delay;
                else
                    failure = rule;
            }
            return (delay, failure);
        }
    }
}
