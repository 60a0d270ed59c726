using System.Text.Json;
using static IotJobs.Model.ServiceJson;

namespace IotJobs.Model;

/// <summary>
/// When a scheduled job starts and ends, and the maintenance windows it rolls out in (a job's schedulingConfig).
/// The model's times here are strings (StringDateTime, as "2026-12-02T02:00"), kept as the service wrote them.
/// </summary>
public sealed class SchedulingConfig : ServiceShape
{
    internal SchedulingConfig(JsonElement e)
        : base(e)
    {
        StartTime = String(e, "startTime");
        EndTime = String(e, "endTime");
        EndBehavior = String(e, "endBehavior");
        MaintenanceWindows = List(e, "maintenanceWindows", w => new MaintenanceWindow(w));
    }

    public string? StartTime { get; }

    public string? EndTime { get; }

    /// <summary>What happens at EndTime: STOP_ROLLOUT, CANCEL or FORCE_CANCEL.</summary>
    public string? EndBehavior { get; }

    public ServiceShapeList<MaintenanceWindow>? MaintenanceWindows { get; }
}
