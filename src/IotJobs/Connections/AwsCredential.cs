namespace IotJobs.Connections;

/// <summary>
/// AWS credentials given to -Credential: an access key, its secret and, for temporary credentials, a session token.
/// Made from a PSCredential (access key as user name, secret key as password) or from AWS.Tools credentials as the
/// parameter is bound. It never shows its secret or token: not in its text, not in any property.
/// </summary>
public sealed class AwsCredential
{
    internal AwsCredential(string accessKeyId, string secretAccessKey, string? sessionToken)
    {
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = sessionToken;
    }

    /// <summary>The access key id: it names the credentials, it does not prove them.</summary>
    public string AccessKeyId { get; }

    internal string SecretAccessKey { get; }

    internal string? SessionToken { get; }

    public override string ToString() =>
        $"AWS credentials for access key {AccessKeyId}{(SessionToken == null ? "" : " (temporary)")}";
}
