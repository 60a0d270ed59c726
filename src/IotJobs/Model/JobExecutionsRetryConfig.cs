using System.Text.Json;
using static IotJobs.Model.ServiceJson;

namespace IotJobs.Model;

/// <summary>
/// How often a failed or timed-out execution is tried again (a job's jobExecutionsRetryConfig).
/// </summary>
public sealed class JobExecutionsRetryConfig : ServiceShape
{
    internal JobExecutionsRetryConfig(JsonElement e)
        : base(e)
    {
        CriteriaList = List(e, "criteriaList", c => new RetryCriteria(c));
    }

    public ServiceShapeList<RetryCriteria>? CriteriaList { get; }
}
