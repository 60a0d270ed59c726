using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace IotJobs.Simulator.Http;

/// <summary>
/// The credential services the AWS credential chain calls, so the chain can be tested end to end:
/// container credentials (GET /container-credentials, as AWS_CONTAINER_CREDENTIALS_FULL_URI names it),
/// instance metadata, SSO GetRoleCredentials and STS (POST /, SigV4 for "sts"): AssumeRole, which hands
/// out temporary credentials of the role's account, and GetCallerIdentity, which names the account the
/// signing key belongs to.
/// </summary>
internal sealed class CredentialEndpoints
{
    /// <summary>Checks an STS request's signature; <paramref name="accountId"/> is the signer's account.</summary>
    public delegate ServiceError? StsSignatureCheck(out string accountId);

    public const string ContainerPath = "/container-credentials";
    public const string SsoPath = "/federation/credentials";
    private const string ImdsToken = "simulator-imds-token";
    private const string ImdsRoles = "/latest/meta-data/iam/security-credentials";
    private const string InstanceRole = "instance-role";
    private readonly SimulatorOptions options;

    public CredentialEndpoints(SimulatorOptions options) => this.options = options;

    public static bool Handles(string method, string rawPath) =>
        (
            method == "GET"
            && (
                rawPath == ContainerPath
                || rawPath == SsoPath
                || rawPath.StartsWith(ImdsRoles, StringComparison.Ordinal)
            )
        )
        || (method == "PUT" && rawPath == "/latest/api/token")
        || (method == "POST" && rawPath == "/");

    /// <summary>The name the request log gives each of these endpoints.</summary>
    public static string OperationOf(string method, string rawPath, string body) =>
        rawPath switch
        {
            SsoPath => "GetRoleCredentials",
            ContainerPath => "ContainerCredentials",
            "/" => Form(body).GetValueOrDefault("Action") ?? "STS",
            _ => "InstanceMetadata",
        };

    /// <summary>Returns the status, content type and body to answer.</summary>
    public (int Status, string ContentType, string Body) Serve(
        string method,
        string rawPath,
        IReadOnlyDictionary<string, string> headers,
        StsSignatureCheck verifySts,
        string body
    )
    {
        // Instance metadata, version 2: a session token first, then the role, then its credentials.
        if (rawPath == "/latest/api/token")
            return (200, "text/plain", ImdsToken);
        if (rawPath.StartsWith(ImdsRoles, StringComparison.Ordinal))
        {
            if (headers.GetValueOrDefault("x-aws-ec2-metadata-token") != ImdsToken)
                return (401, "text/plain", "");
            if (rawPath.TrimEnd('/') == ImdsRoles)
                return (200, "text/plain", InstanceRole);
            if (rawPath != ImdsRoles + "/" + InstanceRole)
                return (404, "text/plain", "");
            var (key, secret, token, expires) = Issue();
            return (
                200,
                "application/json",
                JsonSerializer.Serialize(
                    new Dictionary<string, string>
                    {
                        ["Code"] = "Success",
                        ["Type"] = "AWS-HMAC",
                        ["AccessKeyId"] = key,
                        ["SecretAccessKey"] = secret,
                        ["Token"] = token,
                        ["Expiration"] = expires,
                        ["LastUpdated"] = options.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ"),
                    }
                )
            );
        }
        if (rawPath == SsoPath)
        {
            if (headers.GetValueOrDefault("x-amz-sso_bearer_token") != SimulatorOptions.SsoAccessToken)
                return (401, "application/json", """{"message":"Session token not found or invalid"}""");
            var (key, secret, token, _) = Issue();
            long expires = options.Clock.GetUtcNow().AddHours(1).ToUnixTimeMilliseconds();
            return (
                200,
                "application/json",
                JsonSerializer.Serialize(
                    new
                    {
                        roleCredentials = new
                        {
                            accessKeyId = key,
                            secretAccessKey = secret,
                            sessionToken = token,
                            expiration = expires,
                        },
                    }
                )
            );
        }
        if (method == "GET")
        {
            var (key, secret, token, expires) = Issue();
            return (
                200,
                "application/json",
                JsonSerializer.Serialize(
                    new Dictionary<string, string>
                    {
                        ["AccessKeyId"] = key,
                        ["SecretAccessKey"] = secret,
                        ["Token"] = token,
                        ["Expiration"] = expires,
                        ["RoleArn"] = $"arn:aws:iam::{options.AccountId}:role/container-role",
                    }
                )
            );
        }
        if (verifySts(out string caller) is { } error)
            return ((int)error.Status, "text/xml", StsError(error.Type ?? "InvalidClientTokenId", error.Message));
        var form = Form(body);
        if (form.GetValueOrDefault("Action") == "GetCallerIdentity")
        {
            return (
                200,
                "text/xml",
                $"""
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetCallerIdentityResult>
                    <Arn>arn:aws:iam::{caller}:user/simulator</Arn>
                    <UserId>AIDASIMULATOR</UserId>
                    <Account>{caller}</Account>
                  </GetCallerIdentityResult>
                  <ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata>
                </GetCallerIdentityResponse>
                """
            );
        }
        if (form.GetValueOrDefault("Action") != "AssumeRole" || !form.TryGetValue("RoleArn", out var role))
            return (
                400,
                "text/xml",
                StsError("InvalidAction", "Only AssumeRole with a RoleArn and GetCallerIdentity are served here.")
            );
        // arn:aws:iam::ACCOUNT:role/NAME: the role's credentials act in the role's account.
        string[] arn = role.Split(':');
        var (k, s, t, e) = Issue(arn.Length > 4 && arn[4].Length > 0 ? arn[4] : null);
        string session = WebUtility.HtmlEncode(form.GetValueOrDefault("RoleSessionName") ?? "session");
        string roleArn = WebUtility.HtmlEncode(role);
        return (
            200,
            "text/xml",
            $"""
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleResult>
                <Credentials>
                  <AccessKeyId>{k}</AccessKeyId>
                  <SecretAccessKey>{s}</SecretAccessKey>
                  <SessionToken>{t}</SessionToken>
                  <Expiration>{e}</Expiration>
                </Credentials>
                <AssumedRoleUser>
                  <Arn>{roleArn}/{session}</Arn>
                  <AssumedRoleId>AROASIMULATOR:{session}</AssumedRoleId>
                </AssumedRoleUser>
              </AssumeRoleResult>
              <ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata>
            </AssumeRoleResponse>
            """
        );
    }

    private static Dictionary<string, string> Form(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .GroupBy(p => WebUtility.UrlDecode(p[0]))
            .ToDictionary(g => g.Key, g => WebUtility.UrlDecode(g.First().Length > 1 ? g.First()[1] : ""));

    /// <summary>New temporary credentials, valid for an hour, that the IoT operations accept from now on.</summary>
    private (string Key, string Secret, string Token, string Expires) Issue(string? accountId = null)
    {
        string key = "ASIA" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        string secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
        string token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        options.Credentials[key] = new SimulatorCredential(secret, token, accountId);
        return (key, secret, token, options.Clock.GetUtcNow().AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ"));
    }

    internal static string StsError(string code, string message) =>
        $"""
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error>
                <Type>Sender</Type>
                <Code>{code}</Code>
                <Message>{WebUtility.HtmlEncode(message)}</Message>
              </Error>
              <RequestId>{Guid.NewGuid()}</RequestId>
            </ErrorResponse>
            """;
}
