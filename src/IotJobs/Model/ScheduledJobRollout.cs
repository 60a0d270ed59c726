using System.Text.Json;
using static IotJobs.Model.ServiceJson;

namespace IotJobs.Model;

/// <summary>
/// One rollout of a scheduled job (an item of a job's scheduledJobRollouts).
/// </summary>
public sealed class ScheduledJobRollout : ServiceShape
{
    internal ScheduledJobRollout(JsonElement e)
        : base(e)
    {
        StartTime = String(e, "startTime");
    }

    /// <summary>As the service wrote it (StringDateTime, as "2026-12-02T02:00").</summary>
    public string? StartTime { get; }
}
