using System;
using System.Management.Automation;
using System.Net;

namespace IotJobs.Connections;

/// <summary>
/// Takes credentials as users hold them: a PSCredential (access key as user name, secret key
/// as password), or AWS credentials: ours or AWS.Tools' (AWSCredentials, or the AWSPSCredentials that
/// Set-AWSCredential keeps in $StoredAWSCredentials). AWS.Tools ships its own copy of the SDK, so
/// its objects are read by shape, not by type: GetCredentials() giving AccessKey, SecretKey, Token.
/// </summary>
internal static class CredentialAdapter
{
    /// <summary>The credentials the value holds; throws <see cref="ArgumentException"/> when it holds none.</summary>
    public static AwsCredential From(object value)
    {
        if ((value is PSObject o ? o.BaseObject : value) is AwsCredential ours)
            return ours;
        var (accessKey, secretKey, token) = KeysOf(value);
        return new AwsCredential(accessKey, secretKey, token);
    }

    /// <summary>The access key, secret key and session token (or null) the value holds.</summary>
    private static (string AccessKey, string SecretKey, string? Token) KeysOf(object value)
    {
        object item = value is PSObject o ? o.BaseObject : value;
        if (item is PSCredential ps)
            return (ps.UserName, new NetworkCredential("", ps.Password).Password, null);

        // AWSPSCredentials wraps the credentials in a Credentials property.
        var wrapped = item.GetType().GetProperty("Credentials")?.GetValue(item);
        if (wrapped != null && !(wrapped is string))
            return KeysOf(wrapped);

        var immutable = item.GetType().GetMethod("GetCredentials", Type.EmptyTypes)?.Invoke(item, null)
            ?? throw new ArgumentException(
                $"A {item.GetType().Name} is not credentials: "
                    + "pass a PSCredential (access key, secret key) or AWS.Tools credentials."
            );
        string? Read(string name) => immutable.GetType().GetProperty(name)?.GetValue(immutable) as string;
        string accessKey = Read("AccessKey") ?? "",
            secretKey = Read("SecretKey") ?? "",
            token = Read("Token") ?? "";
        if (accessKey.Length == 0 || secretKey.Length == 0)
            throw new ArgumentException("The credentials given have no access key or secret key.");
        return (accessKey, secretKey, token.Length > 0 ? token : null);
    }
}
