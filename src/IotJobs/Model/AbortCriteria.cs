using System.Text.Json;
using static IotJobs.Model.ServiceJson;

namespace IotJobs.Model;

/// <summary>
/// One rule of an <see cref="AbortConfig"/>: cancel the job (Action) when ThresholdPercentage of at least
/// MinNumberOfExecutedThings executions have ended with FailureType.
/// </summary>
public sealed class AbortCriteria : ServiceShape
{
    internal AbortCriteria(JsonElement e)
        : base(e)
    {
        FailureType = String(e, "failureType");
        Action = String(e, "action");
        ThresholdPercentage = Double(e, "thresholdPercentage");
        MinNumberOfExecutedThings = Int(e, "minNumberOfExecutedThings");
    }

    /// <summary>FAILED, REJECTED, TIMED_OUT or ALL.</summary>
    public string? FailureType { get; }

    /// <summary>CANCEL.</summary>
    public string? Action { get; }

    public double? ThresholdPercentage { get; }

    public int? MinNumberOfExecutedThings { get; }
}
