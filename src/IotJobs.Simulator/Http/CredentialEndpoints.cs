using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace IotJobs.Simulator.Http;

/// <summary>
/// The two credential services the AWS credential chain calls, so the chain can be tested end to end:
/// container credentials (GET /container-credentials, as AWS_CONTAINER_CREDENTIALS_FULL_URI names it)
/// and STS AssumeRole (POST / with Action=AssumeRole, SigV4 for "sts"). Both hand out temporary
/// credentials that the simulator then accepts.
/// </summary>
internal sealed class CredentialEndpoints
{
    public const string ContainerPath = "/container-credentials";
    public const string SsoPath = "/federation/credentials";
    private const string ImdsToken = "simulator-imds-token";
    private const string ImdsRoles = "/latest/meta-data/iam/security-credentials";
    private const string InstanceRole = "instance-role";
    private readonly SimulatorOptions options;

    public CredentialEndpoints(SimulatorOptions options) => this.options = options;

    public static bool Handles(string method, string rawPath) =>
        (method == "GET" && (rawPath == ContainerPath || rawPath == SsoPath || rawPath.StartsWith(ImdsRoles, StringComparison.Ordinal)))
        || (method == "PUT" && rawPath == "/latest/api/token")
        || (method == "POST" && rawPath == "/");

    /// <summary>The name the request log gives each of these endpoints.</summary>
    public static string OperationOf(string method, string rawPath) => rawPath switch
    {
        SsoPath => "GetRoleCredentials",
        ContainerPath => "ContainerCredentials",
        "/" => "AssumeRole",
        _ => "InstanceMetadata",
    };

    /// <summary>Returns the status, content type and body to answer.</summary>
    public (int Status, string ContentType, string Body) Serve(string method, string rawPath, IReadOnlyDictionary<string, string> headers, Func<ServiceError?> verifySts, string body)
    {
        // Instance metadata, version 2: a session token first, then the role, then its credentials.
        if (rawPath == "/latest/api/token") return (200, "text/plain", ImdsToken);
        if (rawPath.StartsWith(ImdsRoles, StringComparison.Ordinal))
        {
            if (headers.GetValueOrDefault("x-aws-ec2-metadata-token") != ImdsToken) return (401, "text/plain", "");
            if (rawPath.TrimEnd('/') == ImdsRoles) return (200, "text/plain", InstanceRole);
            if (rawPath != ImdsRoles + "/" + InstanceRole) return (404, "text/plain", "");
            var (key, secret, token, expires) = Issue();
            return (200, "application/json", JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["Code"] = "Success", ["Type"] = "AWS-HMAC", ["AccessKeyId"] = key, ["SecretAccessKey"] = secret, ["Token"] = token,
                ["Expiration"] = expires, ["LastUpdated"] = options.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ"),
            }));
        }
        if (rawPath == SsoPath)
        {
            if (headers.GetValueOrDefault("x-amz-sso_bearer_token") != SimulatorOptions.SsoAccessToken)
                return (401, "application/json", """{"message":"Session token not found or invalid"}""");
            var (key, secret, token, _) = Issue();
            long expires = options.Clock.GetUtcNow().AddHours(1).ToUnixTimeMilliseconds();
            return (200, "application/json", JsonSerializer.Serialize(new
            {
                roleCredentials = new { accessKeyId = key, secretAccessKey = secret, sessionToken = token, expiration = expires },
            }));
        }
        if (method == "GET")
        {
            var (key, secret, token, expires) = Issue();
            return (200, "application/json", JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["AccessKeyId"] = key, ["SecretAccessKey"] = secret, ["Token"] = token, ["Expiration"] = expires,
                ["RoleArn"] = $"arn:aws:iam::{options.AccountId}:role/container-role",
            }));
        }
        if (verifySts() is { } error) return ((int)error.Status, "text/xml", StsError(error.Type, error.Message));
        var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p.Length > 1 ? p[1] : ""));
        if (form.GetValueOrDefault("Action") != "AssumeRole" || !form.TryGetValue("RoleArn", out var role))
            return (400, "text/xml", StsError("InvalidAction", "Only AssumeRole with a RoleArn is served here."));
        var (k, s, t, e) = Issue();
        string session = WebUtility.HtmlEncode(form.GetValueOrDefault("RoleSessionName") ?? "session");
        return (200, "text/xml", $"""
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleResult>
                <Credentials><AccessKeyId>{k}</AccessKeyId><SecretAccessKey>{s}</SecretAccessKey><SessionToken>{t}</SessionToken><Expiration>{e}</Expiration></Credentials>
                <AssumedRoleUser><Arn>{WebUtility.HtmlEncode(role)}/{session}</Arn><AssumedRoleId>AROASIMULATOR:{session}</AssumedRoleId></AssumedRoleUser>
              </AssumeRoleResult>
              <ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata>
            </AssumeRoleResponse>
            """);
    }

    /// <summary>New temporary credentials, valid for an hour, that the IoT operations accept from now on.</summary>
    private (string Key, string Secret, string Token, string Expires) Issue()
    {
        string key = "ASIA" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        string secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
        string token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        options.Credentials[key] = new SimulatorCredential(secret, token);
        return (key, secret, token, options.Clock.GetUtcNow().AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ"));
    }

    private static string StsError(string code, string message) =>
        $"""<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>{code}</Code><Message>{WebUtility.HtmlEncode(message)}</Message></Error><RequestId>{Guid.NewGuid()}</RequestId></ErrorResponse>""";
}
