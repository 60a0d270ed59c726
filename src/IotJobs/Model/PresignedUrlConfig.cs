using System.Text.Json;
using static IotJobs.Model.ServiceJson;

namespace IotJobs.Model;

/// <summary>
/// How the service presigns the S3 URLs of a job document (a job's presignedUrlConfig).
/// </summary>
public sealed class PresignedUrlConfig : ServiceShape
{
    internal PresignedUrlConfig(JsonElement e)
        : base(e)
    {
        RoleArn = String(e, "roleArn");
        ExpiresInSec = Long(e, "expiresInSec");
    }

    /// <summary>The IAM role the URLs are signed with.</summary>
    public string? RoleArn { get; }

    /// <summary>How long a presigned URL stays valid, in seconds.</summary>
    public long? ExpiresInSec { get; }
}
