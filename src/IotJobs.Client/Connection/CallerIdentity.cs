using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace IotJobs.Client
{
    /// <summary>
    /// The account a set of credentials belongs to, from STS GetCallerIdentity (which needs no permission).
    /// STS is asked in the same region. AWS_ENDPOINT_URL_STS (or a profile's sts endpoint) applies as for
    /// any SDK client; without one, a local IoT endpoint (a simulator or emulator on this machine) is
    /// asked for STS too, as such emulators serve every service at one address.
    /// </summary>
    internal static class CallerIdentity
    {
        public static async Task<string> AccountOfAsync(
            AWSCredentials credentials,
            ServiceLocation location,
            CancellationToken cancellationToken
        )
        {
            var config = new AmazonSecurityTokenServiceConfig
            {
                RegionEndpoint = RegionEndpoint.GetBySystemName(location.Region),
                // The resilience policy that runs this question retries it (on the client's clock); the SDK's own
                // retries would multiply its attempts.
                MaxErrorRetry = 0,
            };
            if (string.IsNullOrEmpty(config.ServiceURL) && IsLocal(location.Endpoint))
            {
                config.ServiceURL = location.EndpointUrl;
                config.AuthenticationRegion = location.Region;
            }
            using var sts = new AmazonSecurityTokenServiceClient(credentials, config);
            var answer = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken)
                .ConfigureAwait(false);
            return answer.Account;
        }

        internal static bool IsLocal(Uri endpoint) =>
            endpoint.IsLoopback
            || (IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
