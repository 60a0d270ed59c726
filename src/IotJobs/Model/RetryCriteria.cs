using System.Text.Json;
using static IotJobs.Model.ServiceJson;

namespace IotJobs.Model;

/// <summary>
/// One rule of a <see cref="JobExecutionsRetryConfig"/>: executions that end with FailureType are tried again up to
/// NumberOfRetries times.
/// </summary>
public sealed class RetryCriteria : ServiceShape
{
    internal RetryCriteria(JsonElement e)
        : base(e)
    {
        FailureType = String(e, "failureType");
        NumberOfRetries = Int(e, "numberOfRetries");
    }

    /// <summary>FAILED, TIMED_OUT or ALL.</summary>
    public string? FailureType { get; }

    public int? NumberOfRetries { get; }
}
