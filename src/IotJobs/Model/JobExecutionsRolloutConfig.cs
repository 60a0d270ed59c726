using System.Text.Json;
using static IotJobs.Model.ServiceJson;

namespace IotJobs.Model;

/// <summary>
/// How fast a job is rolled out to its targets (a job's jobExecutionsRolloutConfig).
/// </summary>
public sealed class JobExecutionsRolloutConfig : ServiceShape
{
    internal JobExecutionsRolloutConfig(JsonElement e)
        : base(e)
    {
        MaximumPerMinute = Int(e, "maximumPerMinute");
        ExponentialRate = Object(e, "exponentialRate", r => new ExponentialRolloutRate(r));
    }

    /// <summary>The most things notified of the job per minute.</summary>
    public int? MaximumPerMinute { get; }

    public ExponentialRolloutRate? ExponentialRate { get; }
}
