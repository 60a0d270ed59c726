using System;
using System.Management.Automation;
using System.Net;
using Amazon.Runtime;

namespace IotJobs.Cmdlets.Connection
{
    /// <summary>
    /// Takes credentials as users hold them: a PSCredential (access key as user name, secret key
    /// as password), or the credentials of AWS.Tools (AWSCredentials, or the AWSPSCredentials that
    /// Set-AWSCredential keeps in $StoredAWSCredentials). AWS.Tools ships its own copy of the SDK, so
    /// its objects are read by shape, not by type: GetCredentials() giving AccessKey, SecretKey, Token.
    /// </summary>
    internal static class CredentialAdapter
    {
        public static AWSCredentials From(object value)
        {
            object item = value is PSObject o ? o.BaseObject : value;
            switch (item)
            {
                case AWSCredentials ours:
                    return ours;
                case PSCredential ps:
                    return new BasicAWSCredentials(ps.UserName, new NetworkCredential("", ps.Password).Password);
            }
            // AWSPSCredentials wraps the credentials in a Credentials property.
            var wrapped = item.GetType().GetProperty("Credentials")?.GetValue(item);
            if (wrapped != null && !(wrapped is string)) return From(wrapped);

            var immutable = item.GetType().GetMethod("GetCredentials", Type.EmptyTypes)?.Invoke(item, null)
                ?? throw new ArgumentException($"A {item.GetType().Name} is not credentials: pass a PSCredential (access key, secret key) or AWS.Tools credentials.");
            string? Read(string name) => immutable.GetType().GetProperty(name)?.GetValue(immutable) as string;
            string accessKey = Read("AccessKey") ?? "", secretKey = Read("SecretKey") ?? "", token = Read("Token") ?? "";
            if (accessKey.Length == 0 || secretKey.Length == 0)
                throw new ArgumentException("The credentials given have no access key or secret key.");
            return token.Length > 0 ? new SessionAWSCredentials(accessKey, secretKey, token) : (AWSCredentials)new BasicAWSCredentials(accessKey, secretKey);
        }
    }
}
