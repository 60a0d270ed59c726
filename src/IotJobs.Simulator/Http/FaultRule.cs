namespace IotJobs.Simulator.Http;

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
