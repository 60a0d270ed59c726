using System.Text.Json;
using static IotJobs.Model.ServiceJson;

namespace IotJobs.Model;

/// <summary>
/// How long an execution may stay IN_PROGRESS before it times out (a job's timeoutConfig).
/// </summary>
public sealed class TimeoutConfig : ServiceShape
{
    internal TimeoutConfig(JsonElement e)
        : base(e)
    {
        InProgressTimeoutInMinutes = Long(e, "inProgressTimeoutInMinutes");
    }

    public long? InProgressTimeoutInMinutes { get; }
}
