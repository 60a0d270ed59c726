using System.Text.Json;
using static IotJobs.Model.ServiceJson;

namespace IotJobs.Model;

/// <summary>
/// When the service cancels a job because too many of its executions fail (a job's abortConfig).
/// </summary>
public sealed class AbortConfig : ServiceShape
{
    internal AbortConfig(JsonElement e)
        : base(e)
    {
        CriteriaList = List(e, "criteriaList", c => new AbortCriteria(c));
    }

    public ServiceShapeList<AbortCriteria>? CriteriaList { get; }
}
