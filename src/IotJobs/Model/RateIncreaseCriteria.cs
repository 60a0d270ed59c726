using System.Text.Json;
using static IotJobs.Model.ServiceJson;

namespace IotJobs.Model;

/// <summary>
/// When an <see cref="ExponentialRolloutRate"/> grows: after so many things were notified, or succeeded.
/// </summary>
public sealed class RateIncreaseCriteria : ServiceShape
{
    internal RateIncreaseCriteria(JsonElement e)
        : base(e)
    {
        NumberOfNotifiedThings = Int(e, "numberOfNotifiedThings");
        NumberOfSucceededThings = Int(e, "numberOfSucceededThings");
    }

    public int? NumberOfNotifiedThings { get; }

    public int? NumberOfSucceededThings { get; }
}
