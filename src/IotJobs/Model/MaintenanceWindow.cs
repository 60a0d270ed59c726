using System.Text.Json;
using static IotJobs.Model.ServiceJson;

namespace IotJobs.Model;

/// <summary>
/// A recurring window of a <see cref="SchedulingConfig"/> in which the job rolls out.
/// </summary>
public sealed class MaintenanceWindow : ServiceShape
{
    internal MaintenanceWindow(JsonElement e)
        : base(e)
    {
        StartTime = String(e, "startTime");
        DurationInMinutes = Int(e, "durationInMinutes");
    }

    /// <summary>A cron expression, as "cron(0 2 * * ? *)".</summary>
    public string? StartTime { get; }

    public int? DurationInMinutes { get; }
}
