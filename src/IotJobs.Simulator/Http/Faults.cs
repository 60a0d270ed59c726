namespace IotJobs.Simulator.Http;

public enum FaultKind
{
    /// <summary>Answer 503 ServiceUnavailableException.</summary>
    ServiceUnavailable,

    /// <summary>Answer 400 ThrottlingException.</summary>
    Throttle,

    /// <summary>Drop the connection without an answer.</summary>
    ConnectionReset,

    /// <summary>Wait <see cref="FaultRule.Delay"/> before answering.</summary>
    Latency,

    /// <summary>
    /// Answer <see cref="FaultRule.Status"/> with <see cref="FaultRule.ErrorType"/>: any error a service (or an
    /// emulator) might send.
    /// </summary>
    Error,
}

/// <summary>
/// One injected fault. It applies to requests of <see cref="Operation"/> (any when null), with
/// <see cref="Probability"/>, at most <see cref="Times"/> times (unlimited when null).
/// </summary>
public sealed class FaultRule
{
    public FaultRule(FaultKind kind) => Kind = kind;

    public FaultKind Kind { get; }
    public string? Operation { get; init; }
    public double Probability { get; init; } = 1.0;
    public int? Times { get; set; }
    public TimeSpan Delay { get; init; }

    /// <summary>
    /// For ConnectionReset: carry the request out first and lose only the answer, as when a
    /// connection drops after the service applied the change.
    /// </summary>
    public bool AfterApplying { get; init; }

    /// <summary>How many matching requests to let through untouched before the rule applies.</summary>
    public int Skip { get; set; }

    /// <summary>For Error: the HTTP status to answer.</summary>
    public int Status { get; init; } = 500;

    /// <summary>For Error: the x-amzn-ErrorType to answer, or none.</summary>
    public string? ErrorType { get; init; }

    /// <summary>For Error: the message of the answer.</summary>
    public string Message { get; init; } = "An error injected by the simulator.";
}

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
